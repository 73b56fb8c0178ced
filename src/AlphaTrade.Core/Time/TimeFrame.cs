using System.Globalization;

namespace AlphaTrade.Core.Time;

/// <summary>
/// A bar size: a whole number of minutes inside a session, or one whole session (daily).
/// Immutable value type; the default value is invalid (zero minutes) and rejected by consumers.
/// </summary>
public readonly record struct TimeFrame : IComparable<TimeFrame>
{
    /// <summary>Minutes per bar; <see cref="DailyMinutes"/> marks a daily (one session) bar.</summary>
    public int Minutes { get; }

    /// <summary>Sentinel minute count of a daily bar.</summary>
    public const int DailyMinutes = 24 * 60;

    private TimeFrame(int minutes) => Minutes = minutes;

    /// <summary>One-minute bars.</summary>
    public static TimeFrame OneMinute { get; } = new(1);

    /// <summary>Five-minute bars.</summary>
    public static TimeFrame FiveMinutes { get; } = new(5);

    /// <summary>Fifteen-minute bars, the platform's native bar size.</summary>
    public static TimeFrame FifteenMinutes { get; } = new(15);

    /// <summary>Thirty-minute bars.</summary>
    public static TimeFrame ThirtyMinutes { get; } = new(30);

    /// <summary>Hourly bars (session-aligned: the last bar of a 09:30 session starts at 15:30).</summary>
    public static TimeFrame Hourly { get; } = new(60);

    /// <summary>One bar per session.</summary>
    public static TimeFrame Daily { get; } = new(DailyMinutes);

    /// <summary>True for a one-bar-per-session time frame.</summary>
    public bool IsDaily => Minutes == DailyMinutes;

    /// <summary>The bar length (a daily bar reports 24 hours; its real extent is the session).</summary>
    public TimeSpan Duration => TimeSpan.FromMinutes(Minutes);

    /// <summary>Creates an intraday time frame of <paramref name="minutes"/> minutes (1..390).</summary>
    public static TimeFrame FromMinutes(int minutes)
    {
        if (minutes is < 1 or > 390)
        {
            throw new ArgumentOutOfRangeException(nameof(minutes), minutes, "Intraday bar size must be 1..390 minutes.");
        }

        return new TimeFrame(minutes);
    }

    /// <summary>
    /// Parses "15min", "15m", "15T", "1h", "60min", "1d", "daily", "day" (case-insensitive).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out TimeFrame timeFrame)
    {
        timeFrame = default;
        var s = text.Trim();
        if (s.Equals("daily", StringComparison.OrdinalIgnoreCase) || s.Equals("day", StringComparison.OrdinalIgnoreCase)
            || s.Equals("1d", StringComparison.OrdinalIgnoreCase) || s.Equals("d", StringComparison.OrdinalIgnoreCase))
        {
            timeFrame = Daily;
            return true;
        }

        int i = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        if (i == 0 || !int.TryParse(s[..i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
        {
            return false;
        }

        var unit = s[i..];
        int minutes;
        if (unit.Equals("min", StringComparison.OrdinalIgnoreCase) || unit.Equals("m", StringComparison.OrdinalIgnoreCase)
            || unit.Equals("t", StringComparison.OrdinalIgnoreCase) || unit.Equals("minute", StringComparison.OrdinalIgnoreCase)
            || unit.Equals("minutes", StringComparison.OrdinalIgnoreCase) || unit.Equals("mins", StringComparison.OrdinalIgnoreCase))
        {
            minutes = n;
        }
        else if (unit.Equals("h", StringComparison.OrdinalIgnoreCase) || unit.Equals("hour", StringComparison.OrdinalIgnoreCase)
            || unit.Equals("hours", StringComparison.OrdinalIgnoreCase))
        {
            minutes = n * 60;
        }
        else
        {
            return false;
        }

        if (minutes > 390)
        {
            return false;
        }

        timeFrame = new TimeFrame(minutes);
        return true;
    }

    /// <summary>Parses like <see cref="TryParse"/> and throws <see cref="FormatException"/> naming the accepted forms.</summary>
    public static TimeFrame Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var tf)
            ? tf
            : throw new FormatException($"'{text}' is not a bar size; expected e.g. 1min, 5min, 15min, 30min, 1h or daily.");
    }

    /// <inheritdoc />
    public int CompareTo(TimeFrame other) => Minutes.CompareTo(other.Minutes);

    /// <summary>Canonical text: "15min", "60min", "daily".</summary>
    public override string ToString() => IsDaily ? "daily" : Minutes.ToString(CultureInfo.InvariantCulture) + "min";
}
