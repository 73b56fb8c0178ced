namespace AlphaTrade.Risk.Optimization;

/// <summary>
/// Constraints on portfolio weights. Weights always sum to one. Defaults: long-only, each weight in [0, 1], no
/// sector caps, no turnover limit.
/// </summary>
public sealed record PortfolioConstraints
{
    /// <summary>Long-only, fully invested, nothing else.</summary>
    public static PortfolioConstraints LongOnly { get; } = new();

    /// <summary>Lower bound of every weight (negative allows shorts).</summary>
    public double MinWeight { get; init; }

    /// <summary>Upper bound of every weight.</summary>
    public double MaxWeight { get; init; } = 1.0;

    /// <summary>Per-asset lower bounds, overriding <see cref="MinWeight"/> when set.</summary>
    public IReadOnlyList<double>? LowerBounds { get; init; }

    /// <summary>Per-asset upper bounds, overriding <see cref="MaxWeight"/> when set.</summary>
    public IReadOnlyList<double>? UpperBounds { get; init; }

    /// <summary>Sector of each asset, in asset order (needed with <see cref="SectorCaps"/>).</summary>
    public IReadOnlyList<string>? Sectors { get; init; }

    /// <summary>Cap on each named sector's total weight (and, when shorts are allowed, on minus it).</summary>
    public IReadOnlyDictionary<string, double>? SectorCaps { get; init; }

    /// <summary>Weights held now, for the turnover limit.</summary>
    public IReadOnlyList<double>? CurrentWeights { get; init; }

    /// <summary>Σ|wᵢ − currentᵢ| at most this (one-way turnover × 2), or null for no limit.</summary>
    public double? MaxTurnover { get; init; }

    /// <summary>Lower bound of asset <paramref name="i"/>.</summary>
    public double Lower(int i) => LowerBounds?[i] ?? MinWeight;

    /// <summary>Upper bound of asset <paramref name="i"/>.</summary>
    public double Upper(int i) => UpperBounds?[i] ?? MaxWeight;

    /// <summary>True when these constraints are plain long-only [0, 1] bounds.</summary>
    public bool IsPlainLongOnly(int assets) =>
        SectorCaps is null or { Count: 0 } && MaxTurnover is null
        && Enumerable.Range(0, assets).All(i => Lower(i) == 0.0 && Upper(i) >= 1.0);

    internal void Validate(int assets)
    {
        if (LowerBounds is not null && LowerBounds.Count != assets)
        {
            throw new ArgumentException($"{LowerBounds.Count} lower bounds for {assets} assets.");
        }

        if (UpperBounds is not null && UpperBounds.Count != assets)
        {
            throw new ArgumentException($"{UpperBounds.Count} upper bounds for {assets} assets.");
        }

        double lo = 0, hi = 0;
        for (int i = 0; i < assets; i++)
        {
            if (Lower(i) > Upper(i))
            {
                throw new ArgumentException($"Asset {i}: lower bound {Lower(i)} is above upper bound {Upper(i)}.");
            }

            lo += Lower(i);
            hi += Upper(i);
        }

        if (lo > 1.0 + 1e-12 || hi < 1.0 - 1e-12)
        {
            throw new ArgumentException($"Weights cannot sum to one within the bounds (they sum to between {lo} and {hi}).");
        }

        if (SectorCaps is { Count: > 0 })
        {
            if (Sectors is null || Sectors.Count != assets)
            {
                throw new ArgumentException("Sector caps need the sector of every asset.");
            }

            foreach (var (sector, cap) in SectorCaps)
            {
                if (!(cap >= 0))
                {
                    throw new ArgumentException($"Sector cap of '{sector}' must be non-negative; got {cap}.");
                }
            }
        }

        if (MaxTurnover is { } t)
        {
            if (!(t >= 0))
            {
                throw new ArgumentException($"Turnover limit must be non-negative; got {t}.");
            }

            if (CurrentWeights is null || CurrentWeights.Count != assets)
            {
                throw new ArgumentException("A turnover limit needs the current weight of every asset.");
            }
        }
    }
}
