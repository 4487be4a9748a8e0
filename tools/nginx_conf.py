#!/usr/bin/env python3
"""Render deploy/nginx/cam-nang.conf for another place, port or root (a
stand-alone trial server): the logic is handbook.publish.nginx.

    python tools/nginx_conf.py --root site --listen 127.0.0.1:8088 --standalone /tmp/cam-nang
    /usr/sbin/nginx -p /tmp/cam-nang -c /tmp/cam-nang/nginx.conf
"""
import sys

from handbook.publish.nginx import main

if __name__ == "__main__":
    sys.exit(main())
