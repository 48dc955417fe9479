"""Settings for publishing (`make publish`): pelican.conf.py plus an absolute URL.

pelican.conf.py has a dot in its name and cannot be imported by module name,
so it is loaded by path. Publish under another address or sub-path with
SITEURL=https://example.org/archive make publish.
"""

import importlib.util
import os
from pathlib import Path

_spec = importlib.util.spec_from_file_location("pelican_conf", Path(__file__).with_name("pelican.conf.py"))
_base = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_base)
globals().update({name: value for name, value in vars(_base).items() if name.isupper()})

SITEURL = PUBLIC_URL = os.environ.get("SITEURL", _base.PUBLIC_URL).rstrip("/")
RELATIVE_URLS = False
BUILD_REPORT_STRICT = True
SHARE_PREVIEWS_ENABLED = True  # the share pictures platforms fetch (plugins/share_previews)
