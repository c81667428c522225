package org.taexchange.accounts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Set;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;

import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * A passkey held in the test, for MockMvc: an ES256 key pair, stored for an account as a registration
 * with "none" attestation stores it, which signs the portal's challenges as an authenticator does
 * (user present and verified), so that Spring Security's real signature check runs.
 */
final class SoftwarePasskey {

	static final String RP_ID = "localhost";

	/** The origin the portal accepts when no other is configured (MockMvc has no port). */
	static final String ORIGIN = "http://localhost:8080";

	private static final ObjectConverter CBOR = new ObjectConverter();

	private static final byte USER_PRESENT_AND_VERIFIED = 0x01 | 0x04;

	private final KeyPair keys;

	private final byte[] credentialId;

	private long signatures;

	private SoftwarePasskey(KeyPair keys, byte[] credentialId) {
		this.keys = keys;
		this.credentialId = credentialId;
	}

	/** A new passkey of the account with this email, stored as Spring's registration stores one. */
	static SoftwarePasskey registeredFor(String email, String label, PublicKeyCredentialUserEntityRepository users,
			UserCredentialRepository credentials) throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		SoftwarePasskey passkey = new SoftwarePasskey(generator.generateKeyPair(), Bytes.random().getBytes());
		PublicKeyCredentialUserEntity user = users.findByUsername(email);
		if (user == null) {
			user = ImmutablePublicKeyCredentialUserEntity.builder().id(Bytes.random()).name(email).displayName(email).build();
			users.save(user);
		}
		EC2COSEKey key = EC2COSEKey.create((ECPublicKey) passkey.keys.getPublic(), COSEAlgorithmIdentifier.ES256);
		AuthenticatorData<?> authenticatorData = new AuthenticatorData<>(sha256(RP_ID.getBytes(StandardCharsets.UTF_8)),
				(byte) (USER_PRESENT_AND_VERIFIED | 0x40), 0,
				new AttestedCredentialData(AAGUID.ZERO, passkey.credentialId, key));
		@SuppressWarnings({ "unchecked", "rawtypes" })
		AttestationObject attestation = new AttestationObject((AuthenticatorData) authenticatorData,
				new NoneAttestationStatement());
		credentials.save(ImmutableCredentialRecord.builder()
			.credentialType(PublicKeyCredentialType.PUBLIC_KEY)
			.credentialId(new Bytes(passkey.credentialId))
			.userEntityUserId(user.getId())
			.publicKey(new ImmutablePublicKeyCose(CBOR.getCborConverter().writeValueAsBytes(key)))
			.signatureCount(0)
			.uvInitialized(true)
			.transports(Set.of(AuthenticatorTransport.INTERNAL))
			.backupEligible(false)
			.backupState(false)
			.attestationObject(new Bytes(new AttestationObjectConverter(CBOR).convertToBytes(attestation)))
			.label(label)
			.build());
		return passkey;
	}

	/** The body of {@code POST /login/webauthn}: this passkey's answer to a challenge. */
	String assertion(String challenge) throws GeneralSecurityException {
		byte[] clientData = ("{\"type\":\"webauthn.get\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + ORIGIN
				+ "\",\"crossOrigin\":false}")
			.getBytes(StandardCharsets.UTF_8);
		this.signatures++;
		byte[] authenticatorData = ByteBuffer.allocate(37)
			.put(sha256(RP_ID.getBytes(StandardCharsets.UTF_8)))
			.put(USER_PRESENT_AND_VERIFIED)
			.putInt((int) this.signatures)
			.array();
		Signature signer = Signature.getInstance("SHA256withECDSA");
		signer.initSign(this.keys.getPrivate());
		signer.update(authenticatorData);
		signer.update(sha256(clientData));
		String id = text(this.credentialId);
		return "{\"id\":\"" + id + "\",\"rawId\":\"" + id + "\",\"response\":{\"authenticatorData\":\""
				+ text(authenticatorData) + "\",\"clientDataJSON\":\"" + text(clientData) + "\",\"signature\":\""
				+ text(signer.sign()) + "\"},\"credType\":\"public-key\",\"clientExtensionResults\":{},"
				+ "\"authenticatorAttachment\":\"platform\"}";
	}

	private static String text(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static byte[] sha256(byte[] bytes) throws GeneralSecurityException {
		return MessageDigest.getInstance("SHA-256").digest(bytes);
	}
}
