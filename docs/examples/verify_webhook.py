# Verifying a Parley webhook in Python 3 (docs/webhooks.md). Standard library only.
# Use the raw request body (the exact bytes received), not a re-serialised JSON object.
import hashlib
import hmac
import sys
import time


def verify_parley_signature(secret: str, header: str, raw_body: bytes, tolerance_seconds: int = 300) -> bool:
    """secret: the subscription's secret (whsec_...); header: Parley-Signature (t=...,v1=...)."""
    parts = [part.strip().split("=", 1) for part in header.split(",")]
    timestamps = [value for key, value in parts if key == "t"]
    signatures = [value for key, value in parts if key == "v1"]
    if not timestamps or not timestamps[0].isdigit() or not signatures:
        return False
    timestamp = int(timestamps[0])
    if abs(time.time() - timestamp) > tolerance_seconds:
        return False  # too old (or from the future): a replayed request
    signed = str(timestamp).encode() + b"." + raw_body
    expected = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return any(hmac.compare_digest(expected, signature) for signature in signatures)


# Command line, for a quick check: python3 verify_webhook.py <secret> <signature header> < body
if __name__ == "__main__":
    valid = verify_parley_signature(sys.argv[1], sys.argv[2], sys.stdin.buffer.read())
    print("valid" if valid else "invalid")
    sys.exit(0 if valid else 1)
