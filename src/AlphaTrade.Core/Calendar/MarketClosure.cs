namespace AlphaTrade.Core.Calendar;

/// <summary>Why an exchange is closed on a weekday.</summary>
public enum ClosureKind
{
    /// <summary>A scheduled holiday computed by rule (including its weekend observance).</summary>
    Holiday,

    /// <summary>An unscheduled closure: a national day of mourning, a storm, an emergency.</summary>
    Special,
}

/// <summary>A weekday on which the exchange holds no session.</summary>
/// <param name="Date">The exchange-local date.</param>
/// <param name="Name">Holiday name or reason, e.g. "Good Friday" or "Hurricane Sandy".</param>
/// <param name="Kind">Scheduled holiday or special closure.</param>
public readonly record struct MarketClosure(DateOnly Date, string Name, ClosureKind Kind);

/// <summary>A session that closes before the regular close (it still opens at the regular time).</summary>
/// <param name="Date">The exchange-local date.</param>
/// <param name="Close">Exchange-local close time, e.g. 13:00.</param>
/// <param name="Reason">Why, e.g. "Day after Thanksgiving".</param>
public readonly record struct ShortenedSession(DateOnly Date, TimeOnly Close, string Reason);
