using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace InfoTheory.Internal;

// <summary>
// What the open-addressing code tables (<see cref="StringCodes"/>, <see cref="BitwiseCodes{T}"/>) share: the slots, the
// first key seen and the hashed words of each code, adding a new label, and the hand-over to a
// <see cref="Dictionary{TKey, TValue}"/> with the default comparer once a probe runs past <see cref="MaxProbe"/>. Each
// table brings its own hash and the test that a slot's code is the label's.
// </summary>
// <typeparam name="TKey">The label type.</typeparam>
// <typeparam name="TWords">What a table keeps per code to confirm a hash match without touching the key.</typeparam>
internal abstract class CodeTable<TKey, TWords>
    where TKey : notnull
    where TWords : struct
{
    // The .NET dictionaries' own threshold for "these collisions are not chance".
    protected const int MaxProbe = 100;

    private CodeSlot[] _slots = new CodeSlot[1024];
    private TKey[] _keys = new TKey[128];
    private TWords[] _words = new TWords[128];
    private int _count;
    private Dictionary<TKey, int>? _fallback;

    // <summary>An empty table.</summary>
    protected CodeTable()
    {
    }

    // <summary>A copy of <paramref name="source"/>: the same labels with the same codes, sharing nothing with it.</summary>
    protected CodeTable(CodeTable<TKey, TWords> source)
    {
        _slots = (CodeSlot[])source._slots.Clone();
        _keys = (TKey[])source._keys.Clone();
        _words = (TWords[])source._words.Clone();
        _count = source._count;
        _fallback = source._fallback is null ? null : new Dictionary<TKey, int>(source._fallback);
    }

    // <summary>How many distinct labels have codes.</summary>
    public int Count => _count;

    // <summary>True once a long probe has moved the table into the dictionary.</summary>
    public bool UsesFallback => _fallback is not null;

    // <summary>The first instance seen of the label with code <paramref name="code"/>.</summary>
    public TKey Key(int code) => _keys[code];

    // <summary>A copy of this table, which goes on numbering new labels from where this one stopped (<see cref="PieceCoding"/>).</summary>
    public abstract CodeTable<TKey, TWords> Copy();

    // <summary>
    // The code in this table of each of <paramref name="local"/>'s labels, in <paramref name="local"/>'s order of first
    // appearance, adding the ones new here (how <see cref="PieceCoding"/> merges a later piece into the global table).
    // </summary>
    public int[] MapFrom(CodeTable<TKey, TWords> local)
    {
        var map = new int[local.Count];
        for (int code = 0; code < map.Length; code++)
        {
            map[code] = CodeOfKey(local.Key(code));
        }

        return map;
    }

    // <summary>The code of <paramref name="label"/>, the next unused one when it is new (the table's own lookup, out of line).</summary>
    protected abstract int CodeOfKey(TKey label);

    // <summary>The slots (a single empty one in fallback mode, so every lookup misses into the table's probe).</summary>
    protected CodeSlot[] Slots => _slots;

    // <summary>The hashed words of each code.</summary>
    protected TWords[] KeyWords => _words;

    // <summary>
    // The linear probe from the home slot of <paramref name="hash"/> on: the code of the slot whose hash matches and
    // whose label <see cref="IsKey"/> confirms, else a new code in the first empty slot; past <see cref="MaxProbe"/>
    // slots, the hand-over to the dictionary. The tables' slow path (their inlined lookup tries the home slot only).
    // </summary>
    protected int ProbeFrom(TKey label, uint hash, TWords words)
    {
        CodeSlot[] slots = _slots;
        int mask = slots.Length - 1;
        int at = (int)hash & mask;
        for (int probes = 0; probes < MaxProbe; probes++)
        {
            CodeSlot slot = slots[at];
            if (slot.CodePlusOne == 0)
            {
                return Add(label, hash, words, at);
            }

            int code = slot.CodePlusOne - 1;
            if (slot.Hash == hash && IsKey(code, label, in words))
            {
                return code;
            }

            at = (at + 1) & mask;
        }

        return SwitchToFallback(label);
    }

    // <summary>Whether <paramref name="label"/>, hashed from <paramref name="words"/>, is the label of <paramref name="code"/>, whose slot's hash matched.</summary>
    protected abstract bool IsKey(int code, TKey label, in TWords words);

    // <summary>Gives <paramref name="label"/>, found nowhere, the next code in the empty slot <paramref name="at"/>, growing the slots when due.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    protected int Add(TKey label, uint hash, TWords words, int at)
    {
        int code = _count;
        _slots[at] = new CodeSlot(hash, code + 1);
        Append(label, words);
        if (CodeSlot.ShouldGrow(_slots.Length, _count))
        {
            _slots = CodeSlot.Grown(_slots);
        }

        return code;
    }

    // <summary>Moves every label seen so far into the dictionary, in code order, and codes <paramref name="label"/> there.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    protected int SwitchToFallback(TKey label)
    {
        _fallback = new Dictionary<TKey, int>(2 * _count);
        for (int code = 0; code < _count; code++)
        {
            _fallback.Add(_keys[code], code);
        }

        _slots = new CodeSlot[1];
        return FallbackCode(label);
    }

    // <summary>The code of <paramref name="label"/> in fallback mode.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    protected int FallbackCode(TKey label)
    {
        ref int code = ref CollectionsMarshal.GetValueRefOrAddDefault(_fallback!, label, out bool exists);
        if (!exists)
        {
            code = _count;
            Append(label, default);
        }

        return code;
    }

    private void Append(TKey label, TWords words)
    {
        if (_count == _keys.Length)
        {
            int length = (int)Math.Min(2L * _keys.Length, Array.MaxLength);
            Array.Resize(ref _keys, length);
            Array.Resize(ref _words, length);
        }

        _words[_count] = words;
        _keys[_count++] = label;
    }
}
