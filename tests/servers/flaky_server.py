#!/usr/bin/python3
"""A loopback HTTP(S) server that misbehaves on demand, for the report-sending tests.

Listens on 127.0.0.1 on a free port and prints that port alone on the first line of stdout,
then serves until killed (or until --lifetime seconds have passed, so it never lingers).

The first segment of the request path chooses how it answers:
  /ok/...      behaves like an LRS: records the body, answers 200 with ["<id>"], and 409 when a
               statement id was already received (whatever the content)
  /500/..., /400/..., /401/..., /403/..., /408/..., /429/...   answers that status, records nothing
  /302/...     redirects to /ok/redirected (the client must not follow)
  /slow/...    records like /ok, then sleeps --slow seconds before answering (longer than the
               client's time-out: the client gives up although the server kept the statement)
  /lag/...     sleeps 0.2 s, then behaves like /ok (slow but within the time-out)
  /switch/...  answers as the mode last set by POST /control/mode (body: ok, 500, slow…)
Control:
  GET  /control/received   JSON list of the bodies accepted, with the headers that came with them
  GET  /control/hits       JSON object: mode -> number of requests seen
  POST /control/mode       sets the mode of /switch/

--tls-dir DIR serves HTTPS with DIR/cert.pem and DIR/key.pem, made there with `openssl req -x509`
when missing (a self-signed certificate for IP 127.0.0.1 only, so that tests can trust it as
their own CA, or not).

Standard library only (http.server, ssl, threading), so it runs wherever /usr/bin/python3 does.
"""

import argparse
import json
import os
import ssl
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
RECEIVED = []  # accepted bodies, in arrival order
IDS = set()
HITS = {}
STATE = {"switch": "ok"}
FIXED = {"500", "400", "401", "403", "408", "429", "503"}


def make_certificate(folder):
    cert = os.path.join(folder, "cert.pem")
    key = os.path.join(folder, "key.pem")
    if not (os.path.exists(cert) and os.path.exists(key)):
        os.makedirs(folder, exist_ok=True)
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
             "-nodes", "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1",
             "-addext", "subjectAltName=IP:127.0.0.1"],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return cert, key


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    slow_seconds = 3.0

    def log_message(self, *args):  # keep the test output readable
        pass

    def answer(self, status, payload=b""):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if payload:
            try:
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting: that is what /slow is for

    def body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def do_GET(self):
        if self.path.startswith("/control/received"):
            with LOCK:
                self.answer(200, json.dumps(RECEIVED).encode())
        elif self.path.startswith("/control/hits"):
            with LOCK:
                self.answer(200, json.dumps(HITS).encode())
        else:
            self.answer(404)

    def do_POST(self):
        data = self.body()
        segments = [s for s in self.path.split("/") if s]
        mode = segments[0] if segments else ""
        if mode == "control":
            if len(segments) > 1 and segments[1] == "mode":
                with LOCK:
                    STATE["switch"] = data.decode().strip()
                self.answer(204)
            else:
                self.answer(404)
            return
        if mode == "switch":
            with LOCK:
                mode = STATE["switch"]
        with LOCK:
            HITS[mode] = HITS.get(mode, 0) + 1
        if mode == "302":
            self.send_response(302)
            self.send_header("Location", "/ok/redirected")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif mode in FIXED:
            self.answer(int(mode), b'{"error": "as asked"}')
        elif mode in ("ok", "slow", "lag"):
            if mode == "lag":
                time.sleep(0.2)
            status, payload = self.store(data)
            if mode == "slow":
                time.sleep(self.slow_seconds)
            self.answer(status, payload)
        else:
            self.answer(404)

    def store(self, data):
        try:
            statement = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return 400, b'{"error": "not JSON"}'
        key = statement.get("id") if isinstance(statement, dict) else None
        with LOCK:
            if key is not None and key in IDS:
                return 409, b'{"error": "already stored"}'
            if key is not None:
                IDS.add(key)
            RECEIVED.append({
                "path": self.path,
                "id": key,
                "body": statement,
                "authorization": self.headers.get("Authorization", ""),
                "version": self.headers.get("X-Experience-API-Version", ""),
                "content_type": self.headers.get("Content-Type", ""),
            })
        return 200, json.dumps([key]).encode()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tls-dir", help="serve HTTPS with the certificate in this folder")
    parser.add_argument("--slow", type=float, default=3.0, help="seconds /slow/ waits")
    parser.add_argument("--lifetime", type=float, default=300.0, help="stop by itself after this")
    options = parser.parse_args()

    Handler.slow_seconds = options.slow
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    if options.tls_dir:
        cert, key = make_certificate(options.tls_dir)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        server.socket = context.wrap_socket(server.socket, server_side=True)

    print(server.server_address[1], flush=True)
    stopper = threading.Timer(options.lifetime, server.shutdown)
    stopper.daemon = True
    stopper.start()
    server.serve_forever()
    server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
