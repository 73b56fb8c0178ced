using System.Globalization;

namespace AlphaTrade.Optimization.WalkForward;

/// <summary>The unit of a walk-forward window length.</summary>
public enum WindowUnit
{
    /// <summary>Bars (<c>500B</c>): exact counts of observations.</summary>
    Bars,

    /// <summary>Calendar days (<c>20D</c>).</summary>
    Days,

    /// <summary>Calendar weeks of seven days (<c>6W</c>).</summary>
    Weeks,

    /// <summary>Calendar months (<c>12M</c>), by <see cref="DateTime.AddMonths"/>.</summary>
    Months,
}

/// <summary>A window length such as <c>12M</c>, <c>6W</c>, <c>20D</c> or <c>500B</c>.</summary>
/// <param name="Count">How many units; positive.</param>
/// <param name="Unit">The unit.</param>
public readonly record struct WindowLength(int Count, WindowUnit Unit)
{
    /// <summary>The largest count accepted.</summary>
    public const int MaxCount = 10_000_000;

    /// <summary>True for months, weeks and days (time arithmetic); false for bars (index arithmetic).</summary>
    public bool IsCalendar => Unit != WindowUnit.Bars;

    /// <summary>Parses <c>12M</c>, <c>6W</c>, <c>20D</c>, <c>500B</c> (unit letter case-insensitive); null when malformed.</summary>
    public static WindowLength? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim();
        if (s.Length < 2)
        {
            return null;
        }

        WindowUnit? unit = char.ToUpperInvariant(s[^1]) switch
        {
            'M' => WindowUnit.Months,
            'W' => WindowUnit.Weeks,
            'D' => WindowUnit.Days,
            'B' => WindowUnit.Bars,
            _ => null,
        };
        var digits = s.AsSpan(0, s.Length - 1);
        foreach (char c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return null;
            }
        }

        if (unit is null || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count < 1 || count > MaxCount)
        {
            return null;
        }

        return new WindowLength(count, unit.Value);
    }

    /// <summary><c>12M</c>, <c>6W</c>, <c>20D</c> or <c>500B</c>.</summary>
    public override string ToString() => Count.ToString(CultureInfo.InvariantCulture) + Unit switch
    {
        WindowUnit.Months => "M",
        WindowUnit.Weeks => "W",
        WindowUnit.Days => "D",
        _ => "B",
    };
}
