"""One module per layout family; see extract/registry.py."""
