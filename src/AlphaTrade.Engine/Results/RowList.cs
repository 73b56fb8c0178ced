using System.Collections;
using System.Runtime.CompilerServices;

namespace AlphaTrade.Engine.Results;

/// <summary>
/// A read-only list of result records kept as value-type rows in one growable array and turned into records only
/// when read. A run books tens of thousands of fills, round trips and position snapshots; holding them as rows
/// keeps them out of the garbage collector's way (no object per record survives to be promoted), and a sweep that
/// reads only the equity curve never builds them at all. Each read builds a new, equal record.
/// </summary>
/// <typeparam name="TRow">The stored row.</typeparam>
/// <typeparam name="TItem">The record handed out.</typeparam>
internal sealed class RowList<TRow, TItem> : IReadOnlyList<TItem>
    where TRow : struct
{
    // Rows live in fixed chunks under the large-object threshold: growing never copies, and never allocates on the
    // large object heap (whose allocations trigger full collections).
    private static readonly int ChunkRows = Math.Max(16, 64 * 1024 / Unsafe.SizeOf<TRow>());
    private readonly Func<TRow, TItem> _make;
    private readonly List<TRow[]> _chunks = [];
    private TRow[] _last = [];
    private int _lastCount;

    public RowList(Func<TRow, TItem> make)
    {
        _make = make;
    }

    public int Count { get; private set; }

    public TItem this[int index] => (uint)index < (uint)Count
        ? _make(_chunks[index / ChunkRows][index % ChunkRows])
        : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>The stored row at <paramref name="index"/>, to update in place.</summary>
    public ref TRow Row(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        return ref _chunks[index / ChunkRows][index % ChunkRows];
    }

    public void Add(in TRow row)
    {
        if (_lastCount == _last.Length)
        {
            _last = new TRow[ChunkRows];
            _chunks.Add(_last);
            _lastCount = 0;
        }

        _last[_lastCount++] = row;
        Count++;
    }

    public IEnumerator<TItem> GetEnumerator()
    {
        int left = Count;
        foreach (var chunk in _chunks)
        {
            for (int i = 0; i < chunk.Length && left > 0; i++, left--)
            {
                yield return _make(chunk[i]);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
