using System.Collections;
using System.Runtime.CompilerServices;

namespace AlphaTrade.Backtest.Vectorized;

/// <summary>
/// The vectorized engine's record log: rows (plain structs without references, so the collector never scans them)
/// appended in fixed chunks under the large-object threshold and turned into records only when read (as <c>RowList</c>
/// does for the event engine). Chunks are allocated without zeroing: a row is always written before it is read. (Chunks
/// on the pinned object heap, tried to spare gen-0/1 collections the copying, made every other run a gen-2 collection.)
/// </summary>
/// <typeparam name="TRow">The stored row.</typeparam>
/// <typeparam name="TItem">The record handed out (made from the row and its index).</typeparam>
internal sealed class RowLog<TRow, TItem> : IReadOnlyList<TItem>
    where TRow : unmanaged
{
    private static readonly int ChunkRows = Math.Max(16, 64 * 1024 / Unsafe.SizeOf<TRow>());
    private readonly Func<TRow, int, TItem> _make;
    private readonly List<TRow[]> _chunks = [];
    private TRow[] _last = [];
    private int _lastCount;

    public RowLog(Func<TRow, int, TItem> make)
    {
        _make = make;
    }

    public int Count { get; private set; }

    public TItem this[int index] => _make(Row(index), index);

    /// <summary>The stored row at <paramref name="index"/>, to update in place.</summary>
    public ref TRow Row(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        return ref _chunks[index / ChunkRows][index % ChunkRows];
    }

    /// <summary>Appends a row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(in TRow row)
    {
        if (_lastCount == _last.Length)
        {
            Grow();
        }

        _last[_lastCount++] = row;
        Count++;
    }

    /// <summary>Appends a row to be written in place (its previous content is undefined).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref TRow Append()
    {
        if (_lastCount == _last.Length)
        {
            Grow();
        }

        Count++;
        return ref _last[_lastCount++];
    }

    private void Grow()
    {
        _last = GC.AllocateUninitializedArray<TRow>(ChunkRows);
        _chunks.Add(_last);
        _lastCount = 0;
    }

    public IEnumerator<TItem> GetEnumerator()
    {
        int index = 0;
        foreach (var chunk in _chunks)
        {
            for (int i = 0; i < chunk.Length && index < Count; i++, index++)
            {
                yield return _make(chunk[i], index);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
