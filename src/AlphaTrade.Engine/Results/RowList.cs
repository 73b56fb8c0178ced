using System.Collections;

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
    private readonly Func<TRow, TItem> _make;
    private TRow[] _rows;

    public RowList(Func<TRow, TItem> make, int capacity = 64)
    {
        _make = make;
        _rows = new TRow[Math.Max(capacity, 4)];
    }

    public int Count { get; private set; }

    public TItem this[int index] => (uint)index < (uint)Count ? _make(_rows[index]) : throw new ArgumentOutOfRangeException(nameof(index));

    public void Add(in TRow row)
    {
        if (Count == _rows.Length)
        {
            Array.Resize(ref _rows, _rows.Length * 2);
        }

        _rows[Count++] = row;
    }

    public IEnumerator<TItem> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return _make(_rows[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
