#!/usr/bin/env bash
# Compiles the native Argon2id used by dev.authrag.adapter.web.crypto.password.NativeArgon2 (Linux x86-64 only):
#
#   build.sh <java.home> <outdir>
#
# writes <outdir>/native/linux-x86-64/libauthrag-argon2.so (baseline x86-64, SSE2; also answers whether the CPU
# has AVX2) and libauthrag-argon2-avx2.so (AVX2), both from argon2/src/opt.c. Maven runs it in adapters-web
# (profile native-argon2) with <outdir> = target/classes, so the libraries travel inside the jars.
# CC overrides the compiler (default gcc). Up-to-date libraries are not rebuilt.
#
# The library is optional: on another platform, without gcc or the JNI headers, or when the compiler fails, this
# prints one warning, leaves no library behind and exits 0, so the build goes on and the service hashes in Java
# (BouncyCastle). The compiler's own output then goes to <outdir>/../native-argon2.log, not the build log.
set -euo pipefail

java_home=${1:?usage: build.sh <java.home> <outdir>}
outdir=${2:?usage: build.sh <java.home> <outdir>}
here=$(cd "$(dirname "$0")" && pwd)
cc=${CC:-gcc}

target="$outdir/native/linux-x86-64"
mkdir -p "$outdir"
log="$(cd "$outdir/.." && pwd)/native-argon2.log"

# skip <why>: one warning, no library in the jar, and the build goes on
skip() {
  rm -f "$target"/libauthrag-argon2*.so "$target"/libauthrag-argon2*.so.tmp
  echo "[WARNING] Native Argon2id not built: $1. The service will hash in Java (BouncyCastle)."
  exit 0
}

platform="$(uname -s)/$(uname -m)"
if [ "$platform" != "Linux/x86_64" ]; then
  skip "it is built for Linux x86-64 only, not $platform"
fi
jni_include="$java_home/include"
if [ ! -f "$jni_include/jni.h" ] && [ -f "$java_home/../include/jni.h" ]; then
  jni_include="$java_home/../include" # java.home of a JDK 8 layout points at its jre/
fi
if [ ! -f "$jni_include/jni.h" ] || [ ! -f "$jni_include/linux/jni_md.h" ]; then
  skip "no jni.h under $java_home/include (and include/linux): Maven must run on a JDK, not a JRE"
fi

mkdir -p "$target"
: >"$log"

argon2="$here/argon2"
sources=("$here/authrag_argon2_jni.c" "$argon2/src/argon2.c" "$argon2/src/core.c" "$argon2/src/blake2/blake2b.c"
         "$argon2/src/thread.c" "$argon2/src/encoding.c" "$argon2/src/opt.c")
# -fvisibility=hidden: the libraries export JNI_OnLoad only (argon2.h marks nothing public without A2_VISCTL);
# the rest is ordinary hardening for a library that handles passwords.
flags=(-O3 -fPIC -shared -pthread -std=gnu99 -fvisibility=hidden -fstack-protector-strong -D_FORTIFY_SOURCE=2
       -DNDEBUG -Wall -Wl,-z,relro,-z,now,-z,noexecstack -Wl,--as-needed -s
       -I"$jni_include" -I"$jni_include/linux" -I"$argon2/include" -I"$argon2/src")

# build <library> <flags...>: compiles unless the library is newer than every source and this script
build() {
  local library="$target/$1"
  shift
  if [ -f "$library" ] && [ -z "$(find "$here" -newer "$library" -type f \( -name '*.[ch]' -o -name build.sh \) | head -n 1)" ]; then
    echo "build.sh: $library is up to date"
    return
  fi
  if ! command -v "$cc" >/dev/null 2>&1; then
    skip "'$cc' not found (Debian/Ubuntu: apt-get install gcc libc6-dev; -Dargon2.native.skip=true silences this)"
  fi
  if ! "$cc" "${flags[@]}" "$@" "${sources[@]}" -o "$library.tmp" >>"$log" 2>&1; then
    skip "'$cc' failed on $(basename "$library") (its output: $log)"
  fi
  mv -f "$library.tmp" "$library"
  echo "build.sh: built $library"
}

build libauthrag-argon2.so -march=x86-64 -mtune=generic -DAUTHRAG_ARGON2_PROBE
build libauthrag-argon2-avx2.so -march=x86-64 -mtune=generic -mavx2
