"""Malformed requests through a real socket: each must get a 4xx or a closed connection, never a 5xx.

Usage: python3 malformed.py PORT
"""
import socket
import sys

PORT = int(sys.argv[1])
CASES = {
    "broken chunked encoding": (
        b"POST /api/fizzbuzz HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\n\r\nZZ\r\n{\"number\": 15}\r\n0\r\n\r\n", False),
    "chunk longer than announced": (
        b"POST /api/fizzbuzz HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n3\r\n{\"number\": 15}\r\n0\r\n\r\n", False),
    "body shorter than Content-Length": (
        b"POST /api/fizzbuzz HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        b"Content-Length: 100\r\n\r\n{\"number\": 15}", True),
    "header line without a colon": (
        b"GET /health HTTP/1.1\r\nHost: localhost\r\nThis is not a header\r\n\r\n", False),
    "request line with a bad version": (b"GET /health HTTP/9.9\r\nHost: localhost\r\n\r\n", False),
    "two Content-Length headers that differ": (
        b"POST /api/fizzbuzz HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        b"Content-Length: 14\r\nContent-Length: 15\r\n\r\n{\"number\": 15}", False),
    "an oversized header": (b"GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + b"a" * 200_000 + b"\r\n\r\n", False),
}

failures = 0
for name, (request, half_close) in CASES.items():
    with socket.create_connection(("127.0.0.1", PORT), timeout=10) as connection:
        try:
            connection.sendall(request)
            if half_close:
                connection.shutdown(socket.SHUT_WR)  # the client stops sending mid-body
            reply = connection.recv(65536)
        except (ConnectionResetError, BrokenPipeError):
            reply = b""
        except socket.timeout:
            reply = b"(timeout)"
    status_line = reply.split(b"\r\n", 1)[0].decode("latin-1")
    if reply == b"":
        verdict = "closed"
    elif status_line.startswith("HTTP/1.1 4"):
        verdict = status_line
    else:
        verdict = "FAILED: " + (status_line or repr(reply[:80]))
        failures += 1
    print(f"{name}: {verdict}")
sys.exit(1 if failures else 0)
