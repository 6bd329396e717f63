package dev.drydock.inmemory.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One unit of work on the {@link Tables}. Every change goes through this class so that a write can
 * be undone change by change, newest first, when the work throws.
 */
public final class Unit {
    private final Tables tables;
    private final boolean writable;
    private final Thread owner = Thread.currentThread();
    private final Deque<Runnable> undo = new ArrayDeque<>();
    private boolean open = true;

    public Unit(Tables tables, boolean writable) {
        this.tables = tables;
        this.writable = writable;
    }

    public boolean writable() {
        return writable;
    }

    /** The tables, for reading; fails when the store escaped its unit of work. */
    Tables read() {
        if (!open || Thread.currentThread() != owner) {
            throw new IllegalStateException("the store was used outside its unit of work");
        }
        return tables;
    }

    /** The tables, for writing; fails inside a read-only unit. */
    Tables write() {
        Tables t = read();
        if (!writable) {
            throw new IllegalStateException("a change was attempted inside Transactions.read");
        }
        return t;
    }

    /** How many changes were made so far; a nested write rolls back to this mark. */
    public int mark() {
        return undo.size();
    }

    /** Undoes every change made after {@code mark}, newest first. */
    public void rollbackTo(int mark) {
        while (undo.size() > mark) {
            undo.pop().run();
        }
    }

    public void close() {
        open = false;
        undo.clear();
    }

    <K, V> V put(Map<K, V> map, K key, V value) {
        write();
        boolean had = map.containsKey(key);
        V old = map.put(key, value);
        undo.push(had ? () -> map.put(key, old) : () -> map.remove(key));
        return old;
    }

    <K, V> V remove(Map<K, V> map, K key) {
        write();
        if (!map.containsKey(key)) {
            return null;
        }
        V old = map.remove(key);
        undo.push(() -> map.put(key, old));
        return old;
    }

    <E> boolean add(Set<E> set, E element) {
        write();
        boolean added = set.add(element);
        if (added) {
            undo.push(() -> set.remove(element));
        }
        return added;
    }

    <E> boolean remove(Set<E> set, E element) {
        write();
        boolean removed = set.remove(element);
        if (removed) {
            undo.push(() -> set.add(element));
        }
        return removed;
    }

    /** The inner collection under {@code key}, made (undoably) when missing. */
    <K, C> C child(Map<K, C> map, K key, Supplier<C> make) {
        C existing = map.get(key);
        if (existing != null) {
            return existing;
        }
        C made = make.get();
        put(map, key, made);
        return made;
    }

    /** Removes {@code element} from the set under {@code key}, dropping the set once it is empty. */
    <K, E> void removeFrom(Map<K, ? extends Set<E>> map, K key, E element) {
        Set<E> set = map.get(key);
        if (set != null) {
            remove(set, element);
            if (set.isEmpty()) {
                remove(map, key);
            }
        }
    }

    /** Removes {@code key} from the map under {@code outer}, dropping that map once it is empty. */
    <K, J, V> void removeFromMap(Map<K, ? extends Map<J, V>> map, K outer, J key) {
        Map<J, V> inner = map.get(outer);
        if (inner != null) {
            remove(inner, key);
            if (inner.isEmpty()) {
                remove(map, outer);
            }
        }
    }
}
