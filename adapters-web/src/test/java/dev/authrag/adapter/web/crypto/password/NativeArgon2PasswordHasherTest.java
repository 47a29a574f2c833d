package dev.authrag.adapter.web.crypto.password;

class NativeArgon2PasswordHasherTest extends Argon2PasswordHasherContract {

    @Override
    protected Argon2id argon2() {
        return NativeArgon2Required.load();
    }
}
