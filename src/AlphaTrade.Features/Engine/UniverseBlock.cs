namespace AlphaTrade.Features.Engine;

/// <summary>The symbols a universe stage runs over: order, sectors and the per-symbol features it reads.</summary>
internal sealed class UniverseLayout
{
    public UniverseLayout(IReadOnlyList<string> symbols, IReadOnlyList<string> sectors, IReadOnlyList<string> keyFeatures)
    {
        Symbols = symbols;
        var names = sectors.Distinct(StringComparer.Ordinal).ToArray();
        SectorNames = names;
        SectorOf = sectors.Select(s => Array.IndexOf(names, s)).ToArray();
        KeyFeatures = keyFeatures;
    }

    public IReadOnlyList<string> Symbols { get; }

    public int Count => Symbols.Count;

    public IReadOnlyList<string> SectorNames { get; }

    /// <summary>Sector index of each symbol.</summary>
    public int[] SectorOf { get; }

    /// <summary>Per-symbol features the universe stage reads, in key order.</summary>
    public IReadOnlyList<string> KeyFeatures { get; }

    public int KeyIndex(string feature)
    {
        for (int i = 0; i < KeyFeatures.Count; i++)
        {
            if (string.Equals(KeyFeatures[i], feature, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new KeyNotFoundException(feature);
    }
}

/// <summary>
/// The state of the universe at one timeline step, as-of: each symbol's latest close and key features, whether
/// it printed a bar at this step, and the benchmark's latest close. Owned and refilled by <see cref="UniverseDriver"/>.
/// </summary>
internal sealed class UniverseStep
{
    public UniverseStep(UniverseLayout layout, int outputWidth)
    {
        Layout = layout;
        int n = layout.Count;
        HasBar = new bool[n];
        Active = new bool[n];
        Close = new double[n];
        StepReturn = new double[n];
        Key = new double[n][];
        Output = new double[n][];
        for (int i = 0; i < n; i++)
        {
            Key[i] = new double[layout.KeyFeatures.Count];
            Array.Fill(Key[i], double.NaN);
            Output[i] = new double[outputWidth];
            Array.Fill(Output[i], double.NaN);
        }

        Array.Fill(Close, double.NaN);
    }

    public UniverseLayout Layout { get; }

    /// <summary>Step time (bar start, UTC ticks).</summary>
    public long Time { get; set; }

    /// <summary>Steps before this one.</summary>
    public long Index { get; set; }

    /// <summary>Exchange-local date of the step.</summary>
    public DateOnly Date { get; set; }

    /// <summary>True when the step's date differs from the previous step's (the previous session is complete).</summary>
    public bool NewSession { get; set; }

    /// <summary>Symbol printed a bar at this step.</summary>
    public bool[] HasBar { get; }

    /// <summary>Symbol has printed at least one bar so far.</summary>
    public bool[] Active { get; }

    /// <summary>Latest close as of this step.</summary>
    public double[] Close { get; }

    /// <summary>ln change of the as-of close at this step: the bar's log return when it printed, else 0 (NaN before its second bar).</summary>
    public double[] StepReturn { get; }

    /// <summary>Latest key features (<see cref="UniverseLayout.KeyFeatures"/>) as of this step.</summary>
    public double[][] Key { get; }

    /// <summary>True when the benchmark printed a bar at this step.</summary>
    public bool BenchmarkHasBar { get; set; }

    /// <summary>Benchmark's latest close (NaN before its first bar or without a benchmark).</summary>
    public double BenchmarkClose { get; set; } = double.NaN;

    /// <summary>ln change of the benchmark's as-of close at this step (0 without a bar, NaN before its second bar).</summary>
    public double BenchmarkStepReturn { get; set; } = double.NaN;

    /// <summary>Universe-stage outputs per symbol (written for symbols with a bar).</summary>
    public double[][] Output { get; }
}

/// <summary>A group of universe-stage features computed together.</summary>
internal abstract class UniverseBlock
{
    protected UniverseBlock(IReadOnlyList<FeatureInfo> features)
    {
        Features = features;
    }

    public IReadOnlyList<FeatureInfo> Features { get; }

    /// <summary>Names of per-symbol features this block reads from <see cref="UniverseStep.Key"/>.</summary>
    public virtual IReadOnlyList<string> RequiredSymbolFeatures => [];

    public abstract UniverseBlockState CreateState(UniverseLayout layout);
}

/// <summary>The running state of a <see cref="UniverseBlock"/>.</summary>
internal abstract class UniverseBlockState
{
    /// <summary>Advances one timeline step; writes outputs at <c>step.Output[s][offset..]</c> for symbols with a bar.</summary>
    public abstract void Step(UniverseStep step, int offset);
}
