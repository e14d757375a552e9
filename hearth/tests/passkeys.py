"""A software passkey for tests: real keys, real WebAuthn structures (fido2), no browser."""

import base64
import hashlib
import json
import os

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from fido2.cose import ES256
from fido2.webauthn import (
    AttestationObject,
    AttestedCredentialData,
    AuthenticatorData,
    CollectedClientData,
)


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class SoftPasskey:
    def __init__(self, rp_id: str = "testserver", origin: str = "http://testserver"):
        self.rp_id = rp_id
        self.origin = origin
        self.private_key = ec.generate_private_key(ec.SECP256R1())
        self.credential_id = os.urandom(16)
        self.sign_count = 0

    def registration_response(self, challenge: bytes) -> dict:
        """What a browser returns from navigator.credentials.create()."""
        credential = AttestedCredentialData.create(
            b"\0" * 16,
            self.credential_id,
            ES256.from_cryptography_key(self.private_key.public_key()),
        )
        flags = AuthenticatorData.FLAG.UP | AuthenticatorData.FLAG.UV | AuthenticatorData.FLAG.AT
        auth_data = AuthenticatorData.create(
            hashlib.sha256(self.rp_id.encode()).digest(), flags, 0, credential
        )
        client_data = CollectedClientData.create(
            type=CollectedClientData.TYPE.CREATE, challenge=challenge, origin=self.origin
        )
        attestation = AttestationObject.create("none", auth_data, {})
        return {
            "id": b64url(self.credential_id),
            "rawId": b64url(self.credential_id),
            "type": "public-key",
            "response": {
                "clientDataJSON": b64url(client_data),
                "attestationObject": b64url(attestation),
            },
            "clientExtensionResults": {"credProps": {"rk": True}},
        }

    def authentication_response(self, challenge: bytes, user_handle: bytes | None = None) -> dict:
        """What a browser returns from navigator.credentials.get()."""
        self.sign_count += 1
        flags = AuthenticatorData.FLAG.UP | AuthenticatorData.FLAG.UV
        auth_data = AuthenticatorData.create(
            hashlib.sha256(self.rp_id.encode()).digest(), flags, self.sign_count
        )
        client_data = CollectedClientData.create(
            type=CollectedClientData.TYPE.GET, challenge=challenge, origin=self.origin
        )
        signature = self.private_key.sign(
            bytes(auth_data) + client_data.hash, ec.ECDSA(hashes.SHA256())
        )
        response = {
            "clientDataJSON": b64url(client_data),
            "authenticatorData": b64url(auth_data),
            "signature": b64url(signature),
        }
        if user_handle is not None:
            response["userHandle"] = b64url(user_handle)
        return {
            "id": b64url(self.credential_id),
            "rawId": b64url(self.credential_id),
            "type": "public-key",
            "response": response,
            "clientExtensionResults": {},
        }


def challenge_from(options_json: str | dict) -> bytes:
    options = json.loads(options_json) if isinstance(options_json, str) else options_json
    public_key = options.get("publicKey", options)
    challenge = public_key["challenge"]
    return base64.urlsafe_b64decode(challenge + "=" * (-len(challenge) % 4))
