"""akn-pipeline: the text of UN resolutions and decisions → Akoma Ntoso (AKN4UN).

Stages, one module each: `read.read_source` → `clean.clean` → `segment.segment` →
`to_akn.to_akn` → `validate.validate`, composed by `convert.convert`.
"""
__version__ = "0.1.0"
