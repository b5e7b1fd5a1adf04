#!/usr/bin/env python3
"""A small keep-alive HTTP/1.1 server whose behaviour each request path chooses, to test the
load generator against known delays, statuses and faults:

  /sleep/MS      reply after MS milliseconds (other connections go on meanwhile)
  /stall/MS      freeze the whole server for MS milliseconds, then reply (a GC pause, a
                 stuck disk: every connection waits)
  /status/CODE   reply with that status
  /bytes/N       reply with a body of N bytes
  /chunked/N     a body of N bytes sent in three chunks (Transfer-Encoding: chunked)
  /connclose     reply with "Connection: close", then close
  /close         close the connection without replying
  /truncate      announce 100 bytes of body, send 10, close
  /die           stop listening (new connections are refused) and close this connection
  /count         JSON: the requests and connections seen so far (not counted itself)
  anything else  404

A query string is ignored. Run directly (python3 stub_server.py [--port N]) it prints
"listening on 127.0.0.1:PORT" and serves until interrupted; tests use StubServer in a thread."""
import argparse
import asyncio
import json
import threading
import time

BODY_OK = b"ok\n"


def status_line(code):
    reasons = {200: "OK", 404: "Not Found", 500: "Internal Server Error"}
    return f"HTTP/1.1 {code} {reasons.get(code, 'Status')}\r\n".encode()


def reply_bytes(path, body=BODY_OK, code=200, close=False):
    """The exact bytes the server sends for a Content-Length reply."""
    head = status_line(code) + b"Content-Type: text/plain\r\n"
    head += b"Content-Length: %d\r\n" % len(body)
    if close:
        head += b"Connection: close\r\n"
    return head + b"\r\n" + body


def chunked_bytes(n):
    body = b"x" * n
    parts = [body[: n // 3], body[n // 3: 2 * n // 3], body[2 * n // 3:]]
    out = status_line(200) + b"Transfer-Encoding: chunked\r\n\r\n"
    for part in parts:
        if part:
            out += b"%x\r\n" % len(part) + part + b"\r\n"
    return out + b"0\r\n\r\n"


def expected_reply(path):
    """The bytes a complete reply to path has, or None when the server sends no full reply."""
    parts = path.split("?", 1)[0].strip("/").split("/")
    kind, arg = parts[0], parts[1] if len(parts) > 1 else ""
    if kind in ("sleep", "stall"):
        return reply_bytes(path)
    if kind == "status":
        return reply_bytes(path, code=int(arg))
    if kind == "bytes":
        return reply_bytes(path, body=b"x" * int(arg))
    if kind == "chunked":
        return chunked_bytes(int(arg))
    if kind == "connclose":
        return reply_bytes(path, close=True)
    if kind in ("close", "truncate", "die"):
        return None
    return reply_bytes(path, body=b"not found\n", code=404)


class StubServer:
    def __init__(self, port=0):
        self.requests = 0
        self.connections = 0
        self.paths = []
        self._ready = threading.Event()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, args=(port,), daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("stub server did not start")

    def _run(self, port):
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(
            asyncio.start_server(self._serve, "127.0.0.1", port, backlog=512))
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        self._loop.run_forever()
        self._server.close()
        tasks = asyncio.all_tasks(self._loop)
        for task in tasks:
            task.cancel()
        self._loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
        self._loop.close()

    def stop(self):
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    async def _serve(self, reader, writer):
        self.connections += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                path = head.split(b" ", 2)[1].decode()
                if not await self._answer(path, writer):
                    return
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError):
            return  # the client went away, or the server is stopping
        finally:
            writer.close()

    async def _answer(self, path, writer):
        """Replies to one request; False when the connection must be closed."""
        if path == "/count":
            body = json.dumps({"requests": self.requests,
                               "connections": self.connections}).encode()
            writer.write(reply_bytes(path, body=body))
            await writer.drain()
            return True
        self.requests += 1
        self.paths.append(path)
        parts = path.split("?", 1)[0].strip("/").split("/")
        kind, arg = parts[0], parts[1] if len(parts) > 1 else ""
        if kind == "sleep":
            await asyncio.sleep(int(arg) / 1000)
        elif kind == "stall":
            time.sleep(int(arg) / 1000)  # blocks the event loop: every connection waits
        elif kind == "close":
            return False
        elif kind == "die":
            self._server.close()
            return False
        elif kind == "truncate":
            writer.write(status_line(200) + b"Content-Length: 100\r\n\r\n" + b"x" * 10)
            await writer.drain()
            return False
        writer.write(expected_reply(path))
        await writer.drain()
        return kind != "connclose"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    server = StubServer(args.port)
    print(f"listening on 127.0.0.1:{server.port}", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.stop()


if __name__ == "__main__":
    main()
