package org.polyproto.jakarta.internal.crypto;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;

/**
 * The memory of one Argon2 hash, kept for the next one: BouncyCastle takes its 1 KiB blocks from here and hands each
 * back cleared when the hash ends, so once a workspace has served a hash, the next hash of the same size allocates
 * no block. Without it every hash allocates 19 MiB of blocks that live for the length of the hash, long enough to
 * be copied by young collections and promoted, and the old generation fills with them. Holds at most
 * {@code capacity} blocks; used by one hash at a time.
 */
final class Argon2Workspace implements Argon2BytesGenerator.BlockPool {

    private final Argon2BytesGenerator.Block[] free;
    private int size;

    Argon2Workspace(int capacity) {
        free = new Argon2BytesGenerator.Block[capacity];
    }

    @Override
    public Argon2BytesGenerator.Block allocate() {
        return size > 0 ? free[--size] : new Argon2BytesGenerator.Block();
    }

    @Override
    public void deallocate(Argon2BytesGenerator.Block block) {
        if (size < free.length) {
            free[size++] = block;
        }
    }

    int kept() {
        return size;
    }
}
