namespace AlphaTrade.Data.Loading;

/// <summary>
/// Converts exchange-local wall time to UTC, for files whose timestamps carry no offset. Has a name so that caches
/// can tell conversions apart. Wrap any converter, for example a trading calendar's:
/// <c>new ExchangeTimeZone("NYSE", calendar.ToUtc)</c>.
/// </summary>
public sealed class ExchangeTimeZone
{
    private static readonly Lazy<ExchangeTimeZone> NewYorkZone = new(CreateNewYork);
    private readonly Func<DateTime, DateTime> _toUtc;

    /// <summary>Creates a named converter; <paramref name="toUtc"/> maps an unspecified-kind local time to UTC.</summary>
    public ExchangeTimeZone(string name, Func<DateTime, DateTime> toUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(toUtc);
        Name = name;
        _toUtc = toUtc;
    }

    /// <summary>Name recorded in cache keys and format descriptions, e.g. "America/New_York".</summary>
    public string Name { get; }

    /// <summary>
    /// US Eastern time from the operating system's time-zone database ("America/New_York"). Throws
    /// <see cref="TimeZoneNotFoundException"/> on first use when the database lacks it.
    /// </summary>
    public static ExchangeTimeZone NewYork => NewYorkZone.Value;

    /// <summary>Naive timestamps are already UTC.</summary>
    public static ExchangeTimeZone Utc { get; } = new("UTC", static t => DateTime.SpecifyKind(t, DateTimeKind.Utc));

    /// <summary>
    /// A converter over a <see cref="TimeZoneInfo"/>: a local time skipped by a clock change is rejected (the row is
    /// reported), one repeated by a clock change is read as standard time.
    /// </summary>
    public static ExchangeTimeZone FromTimeZoneInfo(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new ExchangeTimeZone(zone.Id, local => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone));
    }

    /// <summary>Converts <paramref name="local"/> (exchange wall time) to UTC.</summary>
    public DateTime ToUtc(DateTime local) => _toUtc(local);

    /// <inheritdoc />
    public override string ToString() => Name;

    private static ExchangeTimeZone CreateNewYork() =>
        FromTimeZoneInfo(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
}
