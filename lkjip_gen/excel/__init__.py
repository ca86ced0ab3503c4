"""Excel in and out: budget and indicator values imported from workbooks, tables exported to one.

openpyxl is imported inside the functions that need it, so ``lkjip --help`` and ``validate``
never pay for it.
"""
