using System.Collections;

namespace MineralRules.RuleSets.Reading;

/// <summary>
/// The words a rule file lists for one vocabulary (the minerals of a list or a scope, its zones, actions, permits,
/// mining methods), each once, in the order written. Read-only once the reader hands it on.
/// <para>
/// The library's own list type rather than <c>List&lt;T&gt;</c>: a framework collection over the library's enums is
/// compiled by the JIT in every fresh process that loads the rules (about fifteen methods per enum: ReadyToRun images
/// cannot hold the framework's generic code over another assembly's value types), while this type's code over them
/// is precompiled with the library. docs/performance.md, "Cold load".
/// </para>
/// </summary>
/// <typeparam name="T">The vocabulary's enum.</typeparam>
internal sealed class WordList<T> : IReadOnlyList<T>
    where T : struct, Enum
{
    private T[] _items;
    private int _count;

    public WordList(int capacity = 4) => _items = capacity == 0 ? [] : new T[capacity];

    public int Count => _count;

    public T this[int index] => (uint)index < (uint)_count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public bool Contains(T value)
    {
        var number = ToInt(value);
        for (var i = 0; i < _count; i++)
        {
            if (ToInt(_items[i]) == number)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds a word not yet listed; a word already listed is left where it first stood.</summary>
    /// <returns>False when the word was already listed.</returns>
    public bool AddNew(T value)
    {
        if (Contains(value))
        {
            return false;
        }

        if (_count == _items.Length)
        {
            var larger = new T[Math.Max(4, _count * 2)];
            for (var i = 0; i < _count; i++)
            {
                larger[i] = _items[i];
            }

            _items = larger;
        }

        _items[_count++] = value;
        return true;
    }

    /// <summary>Adds each word of <paramref name="words"/> not yet listed, in order.</summary>
    public void AddNew(WordList<T> words)
    {
        for (var i = 0; i < words._count; i++)
        {
            AddNew(words._items[i]);
        }
    }

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return _items[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Every vocabulary enum is int-backed; the JIT folds the box and unbox into a move (as Vocabulary<T> does).
    private static int ToInt(T value) => (int)(object)value;
}
