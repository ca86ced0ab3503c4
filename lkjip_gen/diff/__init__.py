"""``lkjip diff``: what changed between two versions of a data file, in the report's terms."""
