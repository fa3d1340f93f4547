"""Rendering the report data into one self-contained static HTML file (Jinja2 template, inline CSS
and vanilla JS, the data embedded as JSON: no server, no network)."""
from __future__ import annotations

import json

TEMPLATE = "report.html.j2"


def embedded_json(data) -> str:
    """``data`` as JSON that is safe inside a ``<script>`` element (no ``<``, ``>`` or ``&``)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False, default=str)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def environment():
    """The Jinja2 environment over djtext's packaged templates (autoescaping on)."""
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(loader=PackageLoader("djtext", "templates"), autoescape=select_autoescape(["html", "j2"]),
                       undefined=StrictUndefined, trim_blocks=False, lstrip_blocks=False)


def render_report(data: dict) -> str:
    """The report page for ``data`` (from djtext.report.model.build_report)."""
    from markupsafe import Markup

    template = environment().get_template(TEMPLATE)
    return template.render(data=data, meta=data["meta"], ov=data["overview"], data_json=Markup(embedded_json(data)))
