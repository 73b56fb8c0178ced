using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;
using AlphaTrade.Features.Engine;

namespace AlphaTrade.Features;

/// <summary>How a matrix is built.</summary>
public sealed record FeatureBuildOptions
{
    /// <summary>Storage precision of the values (computation is always double).</summary>
    public FeaturePrecision Precision { get; init; } = FeaturePrecision.Float32;

    /// <summary>Most symbols computed at once; null uses every core. Results never depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Compute the label columns (they need the future, so live engines never have them).</summary>
    public bool Labels { get; init; } = true;
}

/// <summary>
/// Computes a feature matrix in batch: the per-symbol stage for every symbol in parallel (indicator families through
/// the library's span kernels, the others by running their streams), then the universe stage over the merged
/// timeline of every symbol and the benchmark, one step at a time, with the same <see cref="UniverseDriver"/> the
/// live engine uses. Deterministic: the output never depends on thread scheduling.
/// </summary>
public sealed class FeatureBuilder
{
    private readonly FeaturePlan _plan;
    private readonly ITradingCalendar _calendar;

    /// <summary>Creates a builder for <paramref name="plan"/> over the sessions of <paramref name="calendar"/>.</summary>
    public FeatureBuilder(FeaturePlan plan, ITradingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(calendar);
        _plan = plan;
        _calendar = calendar;
    }

    /// <summary>Builds the matrix of <paramref name="universe"/>.</summary>
    public FeatureMatrix Build(FeatureUniverse universe, FeatureBuildOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(universe);
        options ??= new FeatureBuildOptions();
        var plan = _plan;
        int symbols = universe.Series.Count;
        int featureCount = plan.Features.Count;
        int columns = featureCount + (options.Labels ? plan.Labels.Count : 0);
        var endColumns = options.Labels ? plan.LabelEndColumns : [];
        var frames = new FeatureFrame[symbols];
        var keys = new double[symbols][][];
        int maxRows = universe.Series.Max(s => s.Count);
        var po = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount,
        };

        // Universe blocks that read no per-symbol feature (benchmark, sector, breadth, regime) need only the bars:
        // they replay the timeline on another thread while the per-symbol stage runs.
        var timeline = MergedTimeline(universe);
        var independent = Enumerable.Range(0, plan.UniverseBlocks.Length).Where(b => plan.UniverseBlocks[b].RequiredSymbolFeatures.Count == 0).ToArray();
        var dependent = Enumerable.Range(0, plan.UniverseBlocks.Length).Except(independent).ToArray();
        var independentColumns = independent.SelectMany(b => Enumerable.Range(plan.UniverseOffsets[b], plan.UniverseBlocks[b].Features.Count)).ToArray();
        var independentValues = new double[symbols][][];
        var independentTask = independent.Length == 0 ? Task.CompletedTask : Task.Run(() =>
        {
            for (int s = 0; s < symbols; s++)
            {
                independentValues[s] = independentColumns.Select(_ => new double[universe.Series[s].Count]).ToArray();
            }

            Replay(universe, timeline, independent, null, (s, row, output) =>
            {
                var dst = independentValues[s];
                for (int j = 0; j < independentColumns.Length; j++)
                {
                    dst[j][row] = output[independentColumns[j]];
                }
            });
        }, cancellationToken);

        Parallel.For(0, symbols, po, () => new Scratch(plan, maxRows), (s, _, scratch) =>
        {
            var bars = universe.Series[s];
            var env = new SymbolEnvironment(bars.Symbol, universe.Sectors[s], plan.Alt);
            var batch = new SymbolBatch(bars, Contexts(bars, universe), env);
            int rows = bars.Count;
            var frame = new FeatureFrame(bars.Symbol, universe.Sectors[s], bars.Time.ToArray(), options.Precision, columns, endColumns);
            for (int b = 0; b < plan.SymbolBlocks.Length; b++)
            {
                plan.SymbolBlocks[b].ComputeBatch(batch, scratch.Features, plan.SymbolOffsets[b]);
            }

            for (int c = 0; c < plan.SymbolFeatureCount; c++)
            {
                frame.SetColumn(c, scratch.Features[c].AsSpan(0, rows));
            }

            keys[s] = plan.KeyColumns.Select(c => scratch.Features[c].AsSpan(0, rows).ToArray()).ToArray();
            if (options.Labels)
            {
                var ends = endColumns.Select(e => frame.LabelEnds[e]).ToArray();
                for (int b = 0; b < plan.LabelBlocks.Length; b++)
                {
                    plan.LabelBlocks[b].Compute(batch, scratch.Labels, plan.LabelOffsets[b], ends, plan.LabelEndOffsets[b]);
                }

                for (int c = 0; c < plan.Labels.Count; c++)
                {
                    frame.SetColumn(featureCount + c, scratch.Labels[c].AsSpan(0, rows));
                }
            }

            frames[s] = frame;
            return scratch;
        }, _ => { });

        int first = plan.SymbolFeatureCount;
        if (dependent.Length > 0)
        {
            Replay(universe, timeline, dependent, keys, (s, row, output) =>
            {
                var frame = frames[s];
                foreach (int b in dependent)
                {
                    int o = plan.UniverseOffsets[b];
                    for (int j = 0; j < plan.UniverseBlocks[b].Features.Count; j++)
                    {
                        frame.Set(first + o + j, row, output[o + j]);
                    }
                }
            });
        }

        independentTask.GetAwaiter().GetResult();
        for (int s = 0; s < symbols && independent.Length > 0; s++)
        {
            for (int j = 0; j < independentColumns.Length; j++)
            {
                frames[s].SetColumn(first + independentColumns[j], independentValues[s][j]);
            }
        }

        return new FeatureMatrix(plan.Definition.Name, plan.Definition.Hash, FeatureDataKey.Of(universe, plan.Alt),
            plan.Features, options.Labels ? plan.Labels : [], frames);
    }

    private BarContext[] Contexts(BarSeries bars, FeatureUniverse universe)
    {
        var tracker = new BarContextTracker(_calendar, universe.TimeFrame, _plan.Definition.Options.AtrPeriod);
        var ctx = new BarContext[bars.Count];
        var t = bars.Time;
        var o = bars.Open;
        var h = bars.High;
        var l = bars.Low;
        var c = bars.Close;
        var v = bars.Volume;
        for (int i = 0; i < ctx.Length; i++)
        {
            ctx[i] = tracker.Update(t[i], o[i], h[i], l[i], c[i], v[i]);
        }

        return ctx;
    }

    /// <summary>
    /// Feeds the merged timeline through a driver of the universe blocks <paramref name="blocks"/>; after each step calls
    /// <paramref name="sink"/>(symbol, row, outputs) for every symbol with a bar. <paramref name="keys"/> holds the
    /// per-symbol key features ([symbol][key][row]), null when the blocks read none.
    /// </summary>
    private void Replay(FeatureUniverse universe, long[] timeline, int[] blocks, double[][][]? keys, Action<int, int, double[]> sink)
    {
        var plan = _plan;
        var layout = new UniverseLayout(universe.Symbols, universe.Sectors, plan.KeyFeatures);
        var driver = new UniverseDriver(plan, blocks, layout, _calendar);
        int n = universe.Series.Count;
        var cursor = new int[n];
        int benchCursor = 0;
        var bench = universe.Benchmark;
        var keyRow = new double[plan.KeyFeatures.Count];
        Array.Fill(keyRow, double.NaN);
        var touched = new int[n];
        var times = universe.Series.Select(s => s.Time.ToArray()).ToArray();
        var closes = universe.Series.Select(s => s.Close.ToArray()).ToArray();
        foreach (long t in timeline)
        {
            driver.Begin(t);
            int touchedCount = 0;
            for (int s = 0; s < n; s++)
            {
                int r = cursor[s];
                if (r < times[s].Length && times[s][r] == t)
                {
                    if (keys is not null)
                    {
                        for (int k = 0; k < keyRow.Length; k++)
                        {
                            keyRow[k] = keys[s][k][r];
                        }
                    }

                    driver.SetBar(s, closes[s][r], keyRow);
                    touched[touchedCount++] = s;
                }
            }

            if (bench is not null && benchCursor < bench.Count && bench.Time[benchCursor] == t)
            {
                driver.SetBenchmark(bench.Close[benchCursor]);
                benchCursor++;
            }

            driver.End();
            for (int i = 0; i < touchedCount; i++)
            {
                int s = touched[i];
                sink(s, cursor[s], driver.Step.Output[s]);
                cursor[s]++;
            }
        }
    }

    /// <summary>Every distinct bar time of the symbols and the benchmark, ascending.</summary>
    internal static long[] MergedTimeline(FeatureUniverse universe)
    {
        int total = universe.Series.Sum(s => s.Count) + (universe.Benchmark?.Count ?? 0);
        var all = new long[total];
        int o = 0;
        foreach (var s in universe.Series)
        {
            s.Time.CopyTo(all.AsSpan(o));
            o += s.Count;
        }

        universe.Benchmark?.Time.CopyTo(all.AsSpan(o));
        Array.Sort(all);
        int w = 0;
        for (int i = 0; i < all.Length; i++)
        {
            if (w == 0 || all[i] != all[w - 1])
            {
                all[w++] = all[i];
            }
        }

        return all[..w];
    }

    private sealed class Scratch
    {
        public Scratch(FeaturePlan plan, int rows)
        {
            Features = new double[plan.SymbolFeatureCount][];
            for (int i = 0; i < Features.Length; i++)
            {
                Features[i] = new double[rows];
            }

            Labels = new double[plan.Labels.Count][];
            for (int i = 0; i < Labels.Length; i++)
            {
                Labels[i] = new double[rows];
            }
        }

        public double[][] Features { get; }

        public double[][] Labels { get; }
    }
}
