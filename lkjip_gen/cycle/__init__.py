"""The office's year as a cycle: next year's file (``tahun-baru``) and what changed (``diff``)."""
