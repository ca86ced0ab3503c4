"""Writing results: reproducible .docx packages, atomic files, PDF through LibreOffice, text."""
