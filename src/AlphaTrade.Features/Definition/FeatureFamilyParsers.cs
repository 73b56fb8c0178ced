using AlphaTrade.Features.Alternative;
using AlphaTrade.Features.CrossAsset;
using AlphaTrade.Features.Labels;
using AlphaTrade.Features.Microstructure;
using AlphaTrade.Features.Regimes;
using AlphaTrade.Features.Technical;

namespace AlphaTrade.Features.Definition;

/// <summary>A family's YAML reader and one-line description.</summary>
internal readonly record struct FamilyParser(string Description, Func<YamlEntry, FeatureFamilySpec> Parse);

/// <summary>The YAML readers of every family and label kind (keys in snake case, as in the YAML files).</summary>
internal static class FeatureFamilyParsers
{
    public static IReadOnlyDictionary<string, FamilyParser> All { get; } = new Dictionary<string, FamilyParser>(StringComparer.Ordinal)
    {
        ["returns"] = new("log returns over horizons (bars)", e => new ReturnsSpec(e.IntList("horizons"))),
        ["vol_scaled_returns"] = new("log returns over horizons divided by rolling volatility·√h",
            e => new VolScaledReturnsSpec(e.IntList("horizons"), e.Int("vol_window", 130))),
        ["indicator"] = new("any indicator of the library at several parameter values, normalised", ParseIndicator),
        ["volatility"] = new("rolling volatility in daily units and volatility ratios",
            e => new VolatilitySpec(e.IntList("windows"), e.IntPairs("ratios", []))),
        ["volume"] = new("volume z-scores, time-of-day relative volume, session pace, dollar volume",
            e => new VolumeSpec(e.IntList("z_windows"), e.Int("seasonal_days", 20))),
        ["calendar"] = new("time-of-day, weekday and month encodings, session position, month-end", _ => new CalendarSpec()),
        ["gaps"] = new("overnight gap, gap fill, return since the open", e => new GapSpec(e.Int("vol_days", 20))),
        ["range_position"] = new("position of the close in session, previous-session, rolling and bar ranges",
            e => new RangePositionSpec(e.IntList("windows"))),
        ["kyle_lambda"] = new("Kyle's lambda: rolling regression of returns on signed dollar volume", e => new KyleLambdaSpec(e.IntList("windows"))),
        ["vpin"] = new("VPIN with bulk volume classification", e => new VpinSpec(e.IntList("windows"), e.Int("buckets_per_day", 50),
            e.Int("volume_days", 20), e.Int("sigma_window", 130))),
        ["amihud"] = new("Amihud illiquidity", e => new AmihudSpec(e.IntList("windows"))),
        ["roll_spread"] = new("Roll's implied spread", e => new RollSpreadSpec(e.IntList("windows"))),
        ["corwin_schultz"] = new("Corwin–Schultz high-low spread", e => new CorwinSchultzSpec(e.IntList("windows"))),
        ["realized_vol"] = new("realised volatility, jump and downside shares, realised skewness, overnight share",
            e => new RealizedVolatilitySpec(e.IntList("windows"), e.Int("overnight_days", 20))),
        ["volume_imbalance"] = new("signed volume imbalance (bulk classification and tick rule)",
            e => new VolumeImbalanceSpec(e.IntList("windows"), e.Int("sigma_window", 130))),
        ["benchmark"] = new("correlation and beta to the benchmark, market returns, residual returns",
            e => new BenchmarkSpec(e.IntList("windows"), e.IntList("market_horizons", []), e.IntList("residual_horizons", []))),
        ["sector"] = new("correlation and beta to the sector, sector momentum, momentum relative to the sector",
            e => new SectorSpec(e.IntList("windows", []), e.IntList("momentum_horizons", []))),
        ["cross_section"] = new("cross-sectional ranks and z-scores of per-symbol features at each timestamp",
            e => new CrossSectionSpec(e.StringList("features"), e.StringList("stats", ["rank", "zscore"]).Select(s => ParseStat(e, s)).ToArray())),
        ["breadth"] = new("share of the universe above its moving average, advance/decline",
            e => new BreadthSpec(e.IntList("ma_periods", []), e.IntList("ad_windows", []))),
        ["regime"] = new("filtered bull/bear/sideways probabilities of a walk-forward Gaussian HMM on the benchmark", ParseRegime),
        ["alternative"] = new("external series (sentiment, economic, options) joined as of their release", ParseAlternative),
    };

    public static IReadOnlyDictionary<string, Func<YamlEntry, LabelSpec>> Labels { get; } = new Dictionary<string, Func<YamlEntry, LabelSpec>>(StringComparer.Ordinal)
    {
        ["forward_return"] = e => new ForwardReturnLabelSpec(e.IntList("horizons")),
        ["forward_sign"] = e => new ForwardSignLabelSpec(e.Int("horizon", 26), e.Double("dead_zone", 0.5), e.Int("vol_window", 130)),
        ["triple_barrier"] = e => new TripleBarrierLabelSpec(e.Int("horizon", 26), e.Double("profit_take", 2), e.Double("stop_loss", 2),
            e.Int("vol_window", 130), e.Enum("vertical", VerticalBarrierLabel.Zero)),
    };

    private static IndicatorSpec ParseIndicator(YamlEntry e) => new(
        e.RequiredString("name"),
        e.NumberLists("params").Select(p => new IndicatorParameterValues(p.Name, p.Values)).ToArray(),
        e.StringList("outputs", []),
        e.Enum("transform", IndicatorTransform.None));

    private static CrossSectionStat ParseStat(YamlEntry e, string s) =>
        s switch
        {
            "rank" => CrossSectionStat.Rank,
            "zscore" => CrossSectionStat.Zscore,
            _ => throw e.Error("stats", null, $"'{s}' is not one of: rank, zscore"),
        };

    private static RegimeSpec ParseRegime(YamlEntry e)
    {
        var d = new RegimeSpec();
        return new RegimeSpec(e.Int("states", d.States), e.Int("min_train_days", d.MinTrainDays), e.Int("refit_every_days", d.RefitEveryDays),
            e.Int("max_train_days", d.MaxTrainDays), e.Int("restarts", d.Restarts), e.Int("max_iterations", d.MaxIterations),
            e.Double("tolerance", d.Tolerance), e.Int("seed", d.Seed), e.Int("refit_restarts", d.RefitRestarts));
    }

    private static AlternativeDataSpec ParseAlternative(YamlEntry e) => new(
        e.RequiredString("dataset"),
        e.RequiredString("source"),
        e.OptionalString("format"),
        e.StringList("columns"),
        e.Double("max_age_days", 5),
        e.StringList("transforms", ["value"]).Select(t => t switch
        {
            "value" => AltTransform.Value,
            "change" => AltTransform.Change,
            "zscore" => AltTransform.Zscore,
            "age" => AltTransform.Age,
            _ => throw e.Error("transforms", null, $"'{t}' is not one of: value, change, zscore, age"),
        }).ToArray(),
        e.Int("z_window", 20));
}
