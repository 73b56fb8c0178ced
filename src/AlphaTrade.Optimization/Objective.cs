using AlphaTrade.Core;

namespace AlphaTrade.Optimization;

/// <summary>
/// What a sweep optimises, computed from a trial's per-period returns with <see cref="ReturnMetrics"/>. Every
/// objective is maximised except <c>max_drawdown</c>, which is minimised. NaN always ranks worst.
/// </summary>
public sealed class Objective
{
    private readonly Kind _kind;

    private Objective(string name, bool higherIsBetter, string description, Kind kind)
    {
        Name = name;
        HigherIsBetter = higherIsBetter;
        Description = description;
        _kind = kind;
    }

    private enum Kind
    {
        Sharpe,
        Sortino,
        Calmar,
        TotalReturn,
        MaxDrawdown,
        ProfitFactor,
    }

    /// <summary>Annualised Sharpe ratio mean/std(ddof=1)·√periods.</summary>
    public static Objective Sharpe { get; } = new("sharpe", true, "annualised Sharpe ratio", Kind.Sharpe);

    /// <summary>Annualised Sortino ratio.</summary>
    public static Objective Sortino { get; } = new("sortino", true, "annualised Sortino ratio", Kind.Sortino);

    /// <summary>Calmar ratio (CAGR / max drawdown).</summary>
    public static Objective Calmar { get; } = new("calmar", true, "Calmar ratio (CAGR / max drawdown)", Kind.Calmar);

    /// <summary>Compounded total return.</summary>
    public static Objective TotalReturn { get; } = new("total_return", true, "compounded total return", Kind.TotalReturn);

    /// <summary>Maximum drawdown, minimised.</summary>
    public static Objective MaxDrawdown { get; } = new("max_drawdown", false, "maximum drawdown (minimised)", Kind.MaxDrawdown);

    /// <summary>Profit factor.</summary>
    public static Objective ProfitFactor { get; } = new("profit_factor", true, "profit factor (gross gains / gross losses)", Kind.ProfitFactor);

    /// <summary>Every objective, in documentation order.</summary>
    public static IReadOnlyList<Objective> All { get; } = [Sharpe, Sortino, Calmar, TotalReturn, MaxDrawdown, ProfitFactor];

    /// <summary>The command-line name, e.g. <c>sharpe</c>.</summary>
    public string Name { get; }

    /// <summary>True when larger values are better.</summary>
    public bool HigherIsBetter { get; }

    /// <summary>A short human description.</summary>
    public string Description { get; }

    /// <summary>Parses an objective name (case-insensitive); unknown names throw an <see cref="InputException"/>.</summary>
    public static Objective Parse(string text, string option = "--objective")
    {
        ArgumentNullException.ThrowIfNull(text);
        string key = text.Trim().ToLowerInvariant().Replace('-', '_');
        return All.FirstOrDefault(o => o.Name == key)
            ?? throw new InputException($"{option} '{text}': unknown objective; expected {string.Join(", ", All.Select(o => o.Name))}");
    }

    /// <summary>The objective of a per-period return series (or part of one).</summary>
    public double Evaluate(ReadOnlySpan<double> returns, double periodsPerYear) => _kind switch
    {
        Kind.Sharpe => ReturnMetrics.Sharpe(returns, periodsPerYear),
        Kind.Sortino => ReturnMetrics.Sortino(returns, periodsPerYear),
        Kind.Calmar => ReturnMetrics.Calmar(returns, periodsPerYear),
        Kind.TotalReturn => ReturnMetrics.TotalReturn(returns),
        Kind.MaxDrawdown => ReturnMetrics.MaxDrawdown(returns),
        _ => ReturnMetrics.ProfitFactor(returns),
    };

    /// <summary>
    /// Orders two objective values: positive when <paramref name="a"/> is better, negative when worse, 0 when
    /// equal. NaN is worse than any number and equal to NaN.
    /// </summary>
    public int Compare(double a, double b)
    {
        bool na = double.IsNaN(a), nb = double.IsNaN(b);
        if (na || nb)
        {
            return na == nb ? 0 : na ? -1 : 1;
        }

        int c = a.CompareTo(b);
        return HigherIsBetter ? c : -c;
    }

    /// <summary>True when <paramref name="candidate"/> is strictly better than <paramref name="incumbent"/>.</summary>
    public bool IsBetter(double candidate, double incumbent) => Compare(candidate, incumbent) > 0;

    /// <inheritdoc />
    public override string ToString() => Name;
}
