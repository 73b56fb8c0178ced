namespace AlphaTrade.Data.Quality;

/// <summary>The first few bar starts of a kind of problem, for a report; allocates only when there is one.</summary>
internal struct ExampleList(int max)
{
    private List<DateTime>? _items;

    public readonly IReadOnlyList<DateTime> Items => _items ?? (IReadOnlyList<DateTime>)[];

    public void Add(long ticks)
    {
        if ((_items?.Count ?? 0) < max)
        {
            (_items ??= []).Add(new DateTime(ticks, DateTimeKind.Utc));
        }
    }
}
