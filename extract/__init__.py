"""Stage 2: PDF -> layout -> sections -> raw records per layout family (see registry.py)."""
