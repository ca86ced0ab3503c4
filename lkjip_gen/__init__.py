"""lkjip_gen: an LKjIP (PermenPAN-RB 53/2014) from one YAML file per office per year."""

__version__ = "0.1.0"
