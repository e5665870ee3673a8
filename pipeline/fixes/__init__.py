"""Cleaning fixes, one small named function each; `pipeline.clean.FIXES` orders them."""
