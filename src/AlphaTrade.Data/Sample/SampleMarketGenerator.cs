using System.Globalization;
using AlphaTrade.Core;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Market;

namespace AlphaTrade.Data.Sample;

/// <summary>
/// Generates the deterministic sample market used when a user has no data: a factor model (market + sector +
/// idiosyncratic) with GARCH(1,1) Student-t components, intraday U-shapes, overnight gaps, jumps, a bull/bear/
/// sideways regime chain, one planted crash, planted cointegrated pairs and, on request, planted data faults.
/// See docs/sample-market.md. Output depends only on the options and the calendar, never on threading.
/// </summary>
public sealed class SampleMarketGenerator
{
    private const string InfoTech = "Information Technology";
    private const string CommServices = "Communication Services";
    private const string ConsDiscretionary = "Consumer Discretionary";
    private const string ConsStaples = "Consumer Staples";
    private const string HealthCare = "Health Care";
    private const string Financials = "Financials";
    private const string Energy = "Energy";
    private const string Industrials = "Industrials";
    private const string Materials = "Materials";
    private const string Utilities = "Utilities";
    private const string RealEstate = "Real Estate";

    private readonly ITradingCalendar _calendar;

    /// <summary>Creates a generator over the sessions of <paramref name="calendar"/> (normally the NYSE calendar).</summary>
    public SampleMarketGenerator(ITradingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        _calendar = calendar;
    }

    /// <summary>The default 46-stock universe in 11 GICS sectors, for when no universe is configured.</summary>
    public static IReadOnlyList<SampleSymbol> DefaultUniverse { get; } =
    [
        new("AAPL", InfoTech), new("MSFT", InfoTech), new("NVDA", InfoTech), new("AVGO", InfoTech),
        new("ORCL", InfoTech), new("CRM", InfoTech), new("ADBE", InfoTech), new("AMD", InfoTech),
        new("GOOGL", CommServices), new("META", CommServices), new("NFLX", CommServices), new("DIS", CommServices),
        new("AMZN", ConsDiscretionary), new("TSLA", ConsDiscretionary), new("HD", ConsDiscretionary),
        new("MCD", ConsDiscretionary), new("NKE", ConsDiscretionary),
        new("PG", ConsStaples), new("KO", ConsStaples), new("PEP", ConsStaples), new("WMT", ConsStaples),
        new("UNH", HealthCare), new("JNJ", HealthCare), new("LLY", HealthCare), new("PFE", HealthCare), new("MRK", HealthCare),
        new("JPM", Financials), new("BAC", Financials), new("GS", Financials), new("MS", Financials),
        new("V", Financials), new("MA", Financials),
        new("XOM", Energy), new("CVX", Energy), new("COP", Energy),
        new("CAT", Industrials), new("BA", Industrials), new("GE", Industrials), new("HON", Industrials), new("UPS", Industrials),
        new("LIN", Materials), new("FCX", Materials),
        new("NEE", Utilities), new("DUK", Utilities),
        new("AMT", RealEstate), new("PLD", RealEstate),
    ];

    /// <summary>Generates the market described by <paramref name="options"/>.</summary>
    /// <exception cref="InputException">The options are unusable (bad dates, empty or duplicate universe...).</exception>
    public SampleMarket Generate(SampleMarketOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var model = options.Model;
        var grid = SessionGrid.Build(_calendar, options.Start, options.End, options.TimeFrame, model);
        if (grid.Days == 0)
        {
            throw new InputException(Invariant($"The sample period {options.Start:yyyy-MM-dd}..{options.End:yyyy-MM-dd} holds no {_calendar.Name} trading day."));
        }

        int seed = options.Seed;
        double nu = model.StudentTDegreesOfFreedom;
        int days = grid.Days;

        // 1. Crash window and regime path.
        int crashLength = model.CrashDailyLogReturns.Count;
        int crashStart = -1;
        if (options.PlantCrash && crashLength > 0 && days >= Math.Max(60, crashLength + 30))
        {
            var crashRng = SampleRandom.ForStream(seed, "crash");
            double frac = crashRng.Uniform(model.CrashPosition.Min, model.CrashPosition.Max);
            crashStart = Math.Clamp((int)(frac * days), 20, days - crashLength - 5);
        }

        var regimes = RegimeChain.Simulate(days, model, SampleRandom.ForStream(seed, "regime"), crashStart, crashStart < 0 ? 0 : crashLength);

        // 2. Common factors: market (regime drift and vol, crash), then sectors in first-seen order.
        var marketDrift = new double[days];
        var marketMult = new double[days];
        var idioMult = new double[days];
        for (int d = 0; d < days; d++)
        {
            var spec = Spec(model, regimes[d]);
            marketDrift[d] = spec.AnnualDrift / 252.0;
            marketMult[d] = spec.MarketVolMultiplier * CrashVolMultiplier(model, d, crashStart, crashLength);
            idioMult[d] = spec.IdiosyncraticVolMultiplier;
        }

        var market = ComponentPath.Simulate(grid, model.MarketGarch.DailyVol, model.MarketGarch, nu,
            SampleRandom.ForStream(seed, "market"), marketMult, marketDrift, 0);
        if (crashStart >= 0)
        {
            PinCrash(market, grid, crashStart, model);
        }

        var universe = options.Universe;
        var sectorNames = universe.Select(s => s.Sector).Distinct(StringComparer.Ordinal).ToList();
        var sectorProfiles = sectorNames.Select(s => new SampleSectorProfile(s, SampleSymbolTable.SectorDailyVol(s))).ToList();
        var sectorPaths = new Dictionary<string, ComponentPath>(StringComparer.Ordinal);
        foreach (var sp in sectorProfiles)
        {
            sectorPaths[sp.Sector] = ComponentPath.Simulate(grid, sp.DailyVol, model.SectorGarch, nu,
                SampleRandom.ForStream(seed, "sector:" + sp.Sector), null, null, 0);
        }

        // 3. Pairs and per-symbol profiles.
        var pairs = PairPlanner.Plan(universe, model, SampleRandom.ForStream(seed, "pairs"), grid.FullDayBars);
        var pairOfB = pairs.ToDictionary(p => p.SymbolB, StringComparer.Ordinal);
        int count = universe.Count;
        var profiles = new SampleSymbolProfile[count];
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            indexOf[universe[i].Symbol] = i;
        }

        for (int i = 0; i < count; i++)
        {
            var sym = universe[i];
            if (pairOfB.ContainsKey(sym.Symbol))
            {
                continue;
            }

            var levels = SampleSymbolTable.For(sym.Symbol);
            var profileRng = SampleRandom.ForStream(seed, "profile:" + sym.Symbol);
            double sectorBeta = Math.Round(profileRng.Uniform(model.SectorBetaRange.Min, model.SectorBetaRange.Max), 3);
            double alpha = Math.Round(model.AnnualAlphaSd * profileRng.Normal(), 4);
            profiles[i] = new SampleSymbolProfile(sym.Symbol, sym.Sector, levels.StartPrice, levels.MarketBeta, sectorBeta,
                levels.IdiosyncraticDailyVol, alpha, levels.AverageDailyVolume, null);
        }

        // 4. Symbol paths and bars: first legs and unpaired symbols, then second legs (which need their first leg).
        var paths = new SymbolPath?[count];
        var clean = new BarSeries[count];
        var jumpLists = new List<SampleJump>[count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount };
        var firstPhase = Enumerable.Range(0, count).Where(i => !pairOfB.ContainsKey(universe[i].Symbol)).ToArray();
        var pairFirstLegs = new HashSet<string>(pairs.Select(p => p.SymbolA), StringComparer.Ordinal);
        Parallel.ForEach(firstPhase, parallel, i =>
        {
            var pr = profiles[i];
            var rng = SampleRandom.ForStream(seed, "symbol:" + pr.Symbol);
            var sector = sectorPaths[pr.Sector];
            double sectorVol = SampleSymbolTable.SectorDailyVol(pr.Sector);
            var own = ComponentPath.Simulate(grid, pr.IdiosyncraticDailyVol, model.IdiosyncraticGarch, nu, rng, idioMult, null, pr.AnnualAlpha / 252.0);
            double uncond = (pr.MarketBeta * pr.MarketBeta * model.MarketGarch.DailyVol * model.MarketGarch.DailyVol)
                + (pr.SectorBeta * pr.SectorBeta * sectorVol * sectorVol)
                + (pr.IdiosyncraticDailyVol * pr.IdiosyncraticDailyVol);
            var jumps = new List<SampleJump>();
            var path = SymbolPathBuilder.BuildFactor(grid, pr.Symbol, pr.StartPrice, market, pr.MarketBeta, sector, pr.SectorBeta,
                own, uncond, model.JumpsPerYear, model, rng, jumps);
            var series = new BarSeries(pr.Symbol, options.TimeFrame, grid.Bars);
            BarSynthesizer.Fill(series, grid, path, pr.AverageDailyVolume, model, rng);
            clean[i] = series;
            jumpLists[i] = jumps;
            if (pairFirstLegs.Contains(pr.Symbol))
            {
                paths[i] = path;
            }
        });

        foreach (var pair in pairs)
        {
            int a = indexOf[pair.SymbolA];
            int b = indexOf[pair.SymbolB];
            var pa = profiles[a];
            var levelsB = SampleSymbolTable.For(pair.SymbolB);
            profiles[b] = pa with
            {
                Symbol = pair.SymbolB,
                StartPrice = 0, // set below from the drawn initial spread
                AverageDailyVolume = levelsB.AverageDailyVolume,
                PairedWith = pair.SymbolA,
            };
        }

        var secondPhase = pairs.Select(p => indexOf[p.SymbolB]).ToArray();
        Parallel.ForEach(secondPhase, parallel, b =>
        {
            var pair = pairOfB[universe[b].Symbol];
            var first = paths[indexOf[pair.SymbolA]]!;
            var rng = SampleRandom.ForStream(seed, "symbol:" + pair.SymbolB);
            var path = SymbolPathBuilder.BuildPairLeg(grid, first, pair, nu, model.OvernightVarianceShare, rng);
            var series = new BarSeries(pair.SymbolB, options.TimeFrame, grid.Bars);
            BarSynthesizer.Fill(series, grid, path, profiles[b].AverageDailyVolume, model, rng);
            clean[b] = series;
            jumpLists[b] = [];
            profiles[b] = profiles[b] with { StartPrice = Math.Round(Math.Exp(path.LogStart), 4) };
        });

        // 5. Benchmark: the market factor plus small tracking noise, beta 1.
        var benchLevels = SampleSymbolTable.For(options.Benchmark);
        var benchRng = SampleRandom.ForStream(seed, "benchmark:" + options.Benchmark);
        var tracking = ComponentPath.Simulate(grid, model.BenchmarkTrackingVol, new SampleGarchSpec(model.BenchmarkTrackingVol, 0, 0), nu,
            benchRng, null, null, 0);
        double benchUncond = (model.MarketGarch.DailyVol * model.MarketGarch.DailyVol) + (model.BenchmarkTrackingVol * model.BenchmarkTrackingVol);
        var benchPath = SymbolPathBuilder.BuildFactor(grid, options.Benchmark, benchLevels.StartPrice, market, 1.0, null, 0, tracking,
            benchUncond, 0, model, benchRng, []);
        var bench = new BarSeries(options.Benchmark, options.TimeFrame, grid.Bars);
        BarSynthesizer.Fill(bench, grid, benchPath, benchLevels.AverageDailyVolume, model, benchRng);
        var benchProfile = new SampleSymbolProfile(options.Benchmark, "Benchmark", benchLevels.StartPrice, 1.0, 0, model.BenchmarkTrackingVol, 0,
            benchLevels.AverageDailyVolume, null);

        var allClean = new List<BarSeries>(count + 1);
        allClean.AddRange(clean);
        allClean.Add(bench);

        // 6. Ground truth and faults.
        var crash = crashStart < 0 ? null : DescribeCrash(grid, bench, crashStart, model);
        var jumpsAll = jumpLists.SelectMany(j => j).ToList();
        IReadOnlyList<BarSeries> delivered = allClean;
        IReadOnlyList<SampleFault> faults = [];
        if (options.Faults)
        {
            var protectedDays = new HashSet<int>();
            if (crashStart >= 0)
            {
                for (int d = crashStart - 1; d <= crashStart + crashLength; d++)
                {
                    protectedDays.Add(d);
                }
            }

            var injector = new SampleFaultInjector(grid, options.TimeFrame, SampleRandom.ForStream(seed, "faults"));
            (delivered, faults) = injector.Inject(allClean, count, protectedDays, jumpsAll, pairs);
        }

        var regimeDays = new SampleDayRegime[days];
        for (int d = 0; d < days; d++)
        {
            regimeDays[d] = new SampleDayRegime(grid.Sessions[d].Date, regimes[d]);
        }

        var symbolProfiles = profiles.Append(benchProfile).ToList();
        var truth = new SampleGroundTruth(seed, options.Benchmark, sectorProfiles, symbolProfiles, regimeDays, crash, pairs, jumpsAll, faults);
        return new SampleMarket(options, _calendar, delivered, allClean, truth);
    }

    private static SampleRegimeSpec Spec(SampleModel model, SampleRegime regime) => regime switch
    {
        SampleRegime.Bull => model.Bull,
        SampleRegime.Bear => model.Bear,
        _ => model.Sideways,
    };

    private static double CrashVolMultiplier(SampleModel model, int day, int crashStart, int crashLength)
    {
        if (crashStart < 0 || day < crashStart)
        {
            return 1.0;
        }

        int last = crashStart + crashLength - 1;
        return day <= last
            ? model.CrashVolMultiplier
            : 1.0 + (model.PostCrashVolBoost * Math.Exp(-(day - last) / model.CrashVolDecayDays));
    }

    /// <summary>
    /// Pins each crash day's total market log return to the planned value: the day's random total T is taken out in
    /// proportion to the variance weights and the planned R put back along a shape (the variance weights, or for
    /// the worst day a gap share plus a bell-shaped intraday waterfall centred mid-session).
    /// </summary>
    private static void PinCrash(ComponentPath market, SessionGrid grid, int crashStart, SampleModel model)
    {
        var planned = model.CrashDailyLogReturns;
        int worst = 0;
        for (int j = 1; j < planned.Count; j++)
        {
            if (planned[j] < planned[worst])
            {
                worst = j;
            }
        }

        for (int j = 0; j < planned.Count; j++)
        {
            int d = crashStart + j;
            var p = grid.Profiles[d];
            int start = grid.DayStart[d];
            var w = p.VarianceWeights;
            double total = market.Gap[d];
            for (int k = 0; k < w.Length; k++)
            {
                total += market.Bar[start + k];
            }

            double weight = p.DayVarianceWeight;
            double r = planned[j];
            double gapShare = p.OvernightWeight / weight;
            var shape = new double[w.Length];
            if (j == worst)
            {
                gapShare = model.CrashGapShare;
                double sum = 0;
                for (int k = 0; k < w.Length; k++)
                {
                    double z = (p.Positions[k] - 0.5) / 0.18;
                    shape[k] = Math.Exp(-z * z);
                    sum += shape[k];
                }

                for (int k = 0; k < w.Length; k++)
                {
                    shape[k] *= (1.0 - gapShare) / sum;
                }
            }
            else
            {
                for (int k = 0; k < w.Length; k++)
                {
                    shape[k] = w[k] / weight;
                }
            }

            market.Gap[d] += (-total * p.OvernightWeight / weight) + (r * gapShare);
            for (int k = 0; k < w.Length; k++)
            {
                market.Bar[start + k] += (-total * w[k] / weight) + (r * shape[k]);
            }
        }
    }

    private static SampleCrash DescribeCrash(SessionGrid grid, BarSeries bench, int crashStart, SampleModel model)
    {
        var planned = model.CrashDailyLogReturns;
        int worst = 0;
        double cum = 0, minCum = 0;
        for (int j = 0; j < planned.Count; j++)
        {
            if (planned[j] < planned[worst])
            {
                worst = j;
            }

            cum += planned[j];
            minCum = Math.Min(minCum, cum);
        }

        double DayClose(int d) => bench.Close[grid.DayStart[d + 1] - 1];
        double before = DayClose(crashStart - 1);
        double minClose = double.MaxValue;
        for (int j = 0; j < planned.Count; j++)
        {
            minClose = Math.Min(minClose, DayClose(crashStart + j));
        }

        int wd = crashStart + worst;
        double prev = DayClose(wd - 1);
        double minLow = double.MaxValue;
        for (int g = grid.DayStart[wd]; g < grid.DayStart[wd + 1]; g++)
        {
            minLow = Math.Min(minLow, bench.Low[g]);
        }

        return new SampleCrash(
            grid.Sessions[crashStart].Date,
            grid.Sessions[wd].Date,
            grid.Sessions[crashStart + planned.Count - 1].Date,
            planned.ToArray(),
            Math.Exp(minCum) - 1.0,
            (minClose / before) - 1.0,
            (DayClose(wd) / prev) - 1.0,
            (minLow / prev) - 1.0);
    }

    private void Validate(SampleMarketOptions o)
    {
        if (o.End < o.Start)
        {
            throw new InputException(Invariant($"Sample end {o.End:yyyy-MM-dd} is before its start {o.Start:yyyy-MM-dd}."));
        }

        var (first, last) = _calendar.SupportedRange;
        if (o.Start < first || o.End > last)
        {
            throw new InputException(Invariant($"Sample period {o.Start:yyyy-MM-dd}..{o.End:yyyy-MM-dd} is outside the {_calendar.Name} calendar's range {first:yyyy-MM-dd}..{last:yyyy-MM-dd}."));
        }

        if (o.TimeFrame.Minutes <= 0)
        {
            throw new InputException("Sample time frame is not set.");
        }

        if (o.Universe is null || o.Universe.Count == 0)
        {
            throw new InputException("The sample universe is empty: give at least one symbol.");
        }

        if (string.IsNullOrWhiteSpace(o.Benchmark))
        {
            throw new InputException("The sample benchmark symbol is empty.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { o.Benchmark };
        foreach (var s in o.Universe)
        {
            if (string.IsNullOrWhiteSpace(s.Symbol) || string.IsNullOrWhiteSpace(s.Sector))
            {
                throw new InputException("Every sample universe member needs a symbol and a sector.");
            }

            if (!seen.Add(s.Symbol))
            {
                throw new InputException(string.Equals(s.Symbol, o.Benchmark, StringComparison.Ordinal)
                    ? $"'{s.Symbol}' is the benchmark and cannot also be in the sample universe."
                    : $"'{s.Symbol}' appears twice in the sample universe.");
            }
        }

        if (o.MaxDegreeOfParallelism is < 1)
        {
            throw new InputException("Sample MaxDegreeOfParallelism must be at least 1 when given.");
        }

        var m = o.Model;
        if (m.StudentTDegreesOfFreedom <= 2.0)
        {
            throw new InputException("Student-t degrees of freedom must exceed 2 for unit-variance shocks.");
        }

        foreach (var (name, g) in new[] { ("market", m.MarketGarch), ("sector", m.SectorGarch), ("idiosyncratic", m.IdiosyncraticGarch) })
        {
            if (g.Alpha < 0 || g.Beta < 0 || g.Persistence >= 1.0)
            {
                throw new InputException(Invariant($"The {name} GARCH needs alpha, beta >= 0 and alpha + beta < 1 (got {g.Alpha} + {g.Beta})."));
            }
        }

        if (m.PairHalfLifeDays.Min <= 0 || m.PairHalfLifeDays.Max < m.PairHalfLifeDays.Min)
        {
            throw new InputException("Pair half-lives must be a positive range of days.");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
