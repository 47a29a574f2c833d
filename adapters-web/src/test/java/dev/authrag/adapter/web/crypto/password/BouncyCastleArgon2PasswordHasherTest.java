package dev.authrag.adapter.web.crypto.password;

class BouncyCastleArgon2PasswordHasherTest extends Argon2PasswordHasherContract {

    private static final Argon2id BOUNCY_CASTLE = new BouncyCastleArgon2();

    @Override
    protected Argon2id argon2() {
        return BOUNCY_CASTLE;
    }
}
