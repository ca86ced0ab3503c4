"""Reading the data: YAML with positions, the JSON Schema, settings, the field reference, init."""
