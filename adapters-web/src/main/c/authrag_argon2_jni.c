/*
 * JNI glue between dev.authrag.adapter.web.crypto.password.NativeArgon2 and the vendored reference Argon2 (argon2/).
 *
 * build.sh compiles this file twice: a baseline x86-64 library, built with AUTHRAG_ARGON2_PROBE, which also
 * answers whether the CPU has AVX2, and an AVX2 library. Both define NativeArgon2.hashRaw. Each binds its own
 * functions in JNI_OnLoad (RegisterNatives) instead of exporting Java_... symbols: with two libraries defining
 * the same method, the one loaded last is then the one called, not whichever the JVM's symbol lookup finds first.
 */
#include <jni.h>
#include <stdint.h>
#include <stdlib.h>

#include "argon2.h"
#include "core.h" /* secure_wipe_memory */

#define NATIVE_ARGON2_CLASS "dev/authrag/adapter/web/crypto/password/NativeArgon2"

/*
 * A native copy of a Java array: the hash never runs inside a JNI critical region (which would hold off the
 * garbage collector for the whole hash) nor on a pinned Java array.
 */
static uint8_t *copy_in(JNIEnv *env, jbyteArray array, jsize length) {
    uint8_t *copy = malloc(length > 0 ? (size_t)length : 1);
    if (copy != NULL && length > 0) {
        (*env)->GetByteArrayRegion(env, array, 0, length, (jbyte *)copy);
    }
    return copy;
}

static uint32_t non_negative(jint value) {
    /* a negative cost becomes 0, which argon2 refuses with its own error code */
    return value < 0 ? 0 : (uint32_t)value;
}

/* Argon2id of password and salt with the given cost into out (its length is the hash length); an ARGON2_* code. */
static jint JNICALL hash_raw(JNIEnv *env, jclass type, jbyteArray password, jbyteArray salt,
                             jint iterations, jint memory_kib, jint parallelism, jbyteArray out) {
    (void)type;
    if (password == NULL || salt == NULL || out == NULL) {
        return ARGON2_INCORRECT_PARAMETER;
    }
    jsize password_length = (*env)->GetArrayLength(env, password);
    jsize salt_length = (*env)->GetArrayLength(env, salt);
    jsize out_length = (*env)->GetArrayLength(env, out);

    uint8_t *password_copy = copy_in(env, password, password_length);
    uint8_t *salt_copy = copy_in(env, salt, salt_length);
    uint8_t *hash = malloc(out_length > 0 ? (size_t)out_length : 1);
    int result = ARGON2_MEMORY_ALLOCATION_ERROR;
    if (password_copy != NULL && salt_copy != NULL && hash != NULL) {
        result = argon2id_hash_raw(non_negative(iterations), non_negative(memory_kib), non_negative(parallelism),
                                   password_copy, (size_t)password_length, salt_copy, (size_t)salt_length,
                                   hash, (size_t)out_length);
        if (result == ARGON2_OK) {
            (*env)->SetByteArrayRegion(env, out, 0, out_length, (const jbyte *)hash);
        }
    }
    if (password_copy != NULL) {
        secure_wipe_memory(password_copy, (size_t)password_length);
        free(password_copy);
    }
    if (hash != NULL) {
        secure_wipe_memory(hash, (size_t)out_length);
        free(hash);
    }
    free(salt_copy);
    return result;
}

/* argon2's text for one of its error codes. */
static jstring JNICALL error_message(JNIEnv *env, jclass type, jint code) {
    (void)type;
    return (*env)->NewStringUTF(env, argon2_error_message(code));
}

#ifdef AUTHRAG_ARGON2_PROBE
/* Whether the CPU (and the kernel, which must save the YMM registers) supports AVX2. */
static jboolean JNICALL avx2_supported(JNIEnv *env, jclass type) {
    (void)env;
    (void)type;
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") ? JNI_TRUE : JNI_FALSE;
}
#endif

static JNINativeMethod methods[] = {
    {"hashRaw", "([B[BIII[B)I", (void *)hash_raw},
    {"errorMessage", "(I)Ljava/lang/String;", (void *)error_message},
#ifdef AUTHRAG_ARGON2_PROBE
    {"avx2Supported", "()Z", (void *)avx2_supported},
#endif
};

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
    (void)reserved;
    JNIEnv *env;
    if ((*vm)->GetEnv(vm, (void **)&env, JNI_VERSION_1_8) != JNI_OK) {
        return JNI_ERR;
    }
    jclass type = (*env)->FindClass(env, NATIVE_ARGON2_CLASS);
    if (type == NULL) {
        return JNI_ERR;
    }
    if ((*env)->RegisterNatives(env, type, methods, (jint)(sizeof(methods) / sizeof(methods[0]))) != JNI_OK) {
        return JNI_ERR;
    }
    return JNI_VERSION_1_8;
}
