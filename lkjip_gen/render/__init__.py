"""The report model into a Word document: template context, sandboxed docxtpl, finishing."""
