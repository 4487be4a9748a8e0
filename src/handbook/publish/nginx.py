"""Render deploy/nginx/cam-nang.conf for another place, port or root.

The shipped file is a working configuration for the default layout of the
README's "Deployment" section. This renders it with other values (the tests
serve each freshly built site this way), and can write a complete stand-alone
nginx.conf for a local trial run:

    python tools/nginx_conf.py --root site --listen 127.0.0.1:8088 --standalone /tmp/cam-nang
    /usr/sbin/nginx -p /tmp/cam-nang -c /tmp/cam-nang/nginx.conf
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

def deploy_folder(project: Path | str | None = None) -> Path:
    """deploy/nginx/ of the project (the current folder's, by default)."""
    return Path(project or Path.cwd()) / "deploy" / "nginx"


SITE_CONF_NAME = "cam-nang.conf"
HEADERS_CONF_NAME = "security-headers.conf"

# Defaults written in the shipped file, and what each one is.
DEFAULT_ROOT = "/srv/cam-nang/current"
DEFAULT_LISTEN = "listen 80;"
DEFAULT_HEADERS = "/etc/nginx/snippets/cam-nang-headers.conf"
DEFAULT_MIME_TYPES = "/etc/nginx/mime.types"


def render_site(root: Path | str, listen: str = "80", headers: Path | str | None = None,
                mime_types: str = DEFAULT_MIME_TYPES, template: str | None = None,
                project: Path | str | None = None) -> str:
    """The site configuration (deploy/nginx/ of ``project``) with another
    root, listen address and headers file."""
    deploy = deploy_folder(project)
    headers = headers or deploy / HEADERS_CONF_NAME
    text = template if template is not None else (deploy / SITE_CONF_NAME).read_text(encoding="utf-8")
    root = os.path.abspath(root)  # not resolve(): "current" must stay a symlink
    replacements = [
        (f"root {DEFAULT_ROOT};", f"root {root};"),
        (DEFAULT_LISTEN, f"listen {listen};"),
        (DEFAULT_HEADERS, str(headers)),
        (f"include {DEFAULT_MIME_TYPES};", f"include {mime_types};"),
    ]
    for old, new in replacements:
        if old not in text:
            raise ValueError(f"{SITE_CONF_NAME} no longer contains {old!r}: update handbook/publish/nginx.py")
        text = text.replace(old, new)
    return text


def render_standalone(prefix: Path, site_conf: Path, user_root: bool | None = None) -> str:
    """A complete nginx.conf that runs in the foreground, keeps its pid file,
    logs and temporary files under ``prefix`` and serves ``site_conf``."""
    if user_root is None:
        user_root = hasattr(os, "geteuid") and os.geteuid() == 0
    prefix = Path(prefix).resolve()
    lines = [
        "# Stand-alone nginx for trying the handbook site (handbook.publish.nginx).",
        "daemon off;",
        "worker_processes 1;",
        # As root nginx would switch its workers to "nobody", who may not read
        # a site built in a private temporary folder.
        "user root;" if user_root else "",
        f"pid {prefix}/nginx.pid;",
        f"error_log {prefix}/error.log warn;",
        "events { worker_connections 256; }",
        "http {",
        f"    access_log {prefix}/access.log;",
        f"    client_body_temp_path {prefix}/tmp/body;",
        f"    proxy_temp_path {prefix}/tmp/proxy;",
        f"    fastcgi_temp_path {prefix}/tmp/fastcgi;",
        f"    uwsgi_temp_path {prefix}/tmp/uwsgi;",
        f"    scgi_temp_path {prefix}/tmp/scgi;",
        "    sendfile on;",
        f"    include {DEFAULT_MIME_TYPES};",
        "    default_type application/octet-stream;",
        f"    include {Path(site_conf).resolve()};",
        "}",
    ]
    return "\n".join(line for line in lines if line) + "\n"


def write_standalone(prefix: Path, root: Path, listen: str, project: Path | str | None = None) -> Path:
    """Write ``prefix``/{cam-nang.conf,nginx.conf}; return the nginx.conf path."""
    prefix = Path(prefix)
    (prefix / "tmp").mkdir(parents=True, exist_ok=True)
    site_conf = prefix / "cam-nang.conf"
    site_conf.write_text(render_site(root, listen, project=project), encoding="utf-8")
    main_conf = prefix / "nginx.conf"
    main_conf.write_text(render_standalone(prefix, site_conf), encoding="utf-8")
    return main_conf


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", required=True, help="the built site folder")
    parser.add_argument("--listen", default="80", help="nginx listen value, e.g. 127.0.0.1:8088")
    parser.add_argument("--headers", default=None, help="security headers include (default: deploy/nginx/'s)")
    parser.add_argument("--standalone", metavar="DIR",
                        help="write DIR/nginx.conf (foreground, logs in DIR) instead of printing")
    args = parser.parse_args(argv)
    if args.standalone:
        print(write_standalone(Path(args.standalone), Path(args.root), args.listen))
    else:
        sys.stdout.write(render_site(args.root, args.listen, args.headers))
    return 0


if __name__ == "__main__":
    sys.exit(main())
