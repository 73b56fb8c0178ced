namespace AlphaTrade.Engine.Kernel;

/// <summary>
/// An append-only list in fixed chunks below the large-object threshold: growing never copies and never allocates on
/// the large object heap, whose allocations trigger full collections (a run keeps one record per order). Elements
/// are values updated in place through <see cref="Ref"/>.
/// </summary>
/// <typeparam name="T">The element.</typeparam>
internal sealed class ChunkedList<T>
    where T : struct
{
    private const int ChunkSize = 8192; // 64 KB of references
    private readonly List<T[]> _chunks = [];

    public int Count { get; private set; }

    public T this[int index] => Ref(index);

    /// <summary>The element in place (valid for the list's lifetime: chunks never move).</summary>
    public ref T Ref(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        return ref _chunks[index / ChunkSize][index % ChunkSize];
    }

    /// <summary>Appends <paramref name="item"/> and returns it in place.</summary>
    public ref T Add(in T item)
    {
        if (Count / ChunkSize == _chunks.Count)
        {
            _chunks.Add(new T[ChunkSize]);
        }

        ref var slot = ref _chunks[Count / ChunkSize][Count % ChunkSize];
        slot = item;
        Count++;
        return ref slot;
    }
}
