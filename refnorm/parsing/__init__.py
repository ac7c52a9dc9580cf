"""The field parser's stages, one module each: ``authors`` → ``title`` → ``tail`` (with ``editors``,
``numbers`` and ``imprint``), sharing the scratch pad in ``scratch``. The entry point is
:func:`refnorm.parser.parse_fields`."""
