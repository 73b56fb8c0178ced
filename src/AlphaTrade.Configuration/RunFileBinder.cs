using System.Globalization;
using AlphaTrade.Core.Calendar;
using AlphaTrade.Core.Time;

namespace AlphaTrade.Configuration;

/// <summary>Binds a run file over the configured settings.</summary>
internal static class RunFileBinder
{
    public static RunFile Bind(ConfigNode root, Settings settings)
    {
        // Informational keys a run's config.yaml carries.
        root.Contains("alphatrade_version");
        root.Contains("summary");
        root.Contains("extra");
        string? calendar = root.OptionalString("calendar");
        if (calendar is not null && !string.Equals(calendar, "NYSE", StringComparison.OrdinalIgnoreCase))
        {
            throw root.Error("calendar", null, $"'{calendar}' is not supported; expected NYSE");
        }

        StrategySettings? strategy = null;
        if (root.Has("strategy"))
        {
            var s = root.Section("strategy");
            string? name = s.OptionalString("name");
            var baseline = name is null ? null : settings.Strategies.Find(name);
            var external = settings.Strategies.ExternalTypes;
            string type;
            if (string.Equals(s.OptionalString("type"), CombinationSettings.TypeName, StringComparison.Ordinal)
                || (!s.Has("type") && baseline is CombinationSettings))
            {
                // Members run as configured now; the record names them.
                var combo = s.Section("parameters");
                var members = combo.OptionalString("members") is { } list
                    ? list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    : (baseline as CombinationSettings)?.Members.Select(m => m.Name).ToArray() ?? [];
                name ??= CombinationSettings.TypeName;
                StrategyBinder.CheckName(s, name);
                strategy = StrategyBinder.Combination(combo, name, members, settings.Strategies);
                combo.EnsureNoUnknownKeys();
                s.EnsureNoUnknownKeys();
                type = CombinationSettings.TypeName;
            }
            else if (s.Has("type"))
            {
                type = StrategyBinder.TypeOf(s, name ?? string.Empty, external);
            }
            else if (baseline is not null)
            {
                // A configured strategy by name; the file's parameters override its configured ones.
                type = baseline.Type;
            }
            else if (name is not null && (StrategyCatalog.Types.Contains(name, StringComparer.Ordinal) || external?.Names.Contains(name, StringComparer.Ordinal) == true))
            {
                type = name;
            }
            else
            {
                throw s.Error("name", null,
                    $"'{name}' is neither a configured strategy ({string.Join(", ", settings.Strategies.Names)}) nor a type; add type: one of {string.Join(", ", StrategyCatalog.Types)}");
            }

            if (strategy is null)
            {
                if (baseline is not null && baseline.Type != type)
                {
                    baseline = null;
                }

                name ??= type;
                StrategyBinder.CheckName(s, name);
                var parameters = s.Section("parameters");
                strategy = external?.Names.Contains(type, StringComparer.Ordinal) == true
                    ? StrategyBinder.BindExternal(parameters, name, type, external) with
                    {
                        Symbols = (baseline as FrameworkStrategySettings)?.Symbols,
                        Allocation = (baseline as FrameworkStrategySettings)?.Allocation ?? 1.0,
                    }
                    : external is null && !StrategyCatalog.Types.Contains(type, StringComparer.Ordinal)
                    ? StrategyBinder.BindGeneric(parameters, name, type) with
                    {
                        Symbols = (baseline as FrameworkStrategySettings)?.Symbols,
                        Allocation = (baseline as FrameworkStrategySettings)?.Allocation ?? 1.0,
                    }
                    : StrategyBinder.Bind(s, name, type, parameters, baseline);
                parameters.EnsureNoUnknownKeys();
                s.EnsureNoUnknownKeys();
            }
        }

        TimeFrame? timeFrame = null;
        if (root.OptionalString("timeframe") is { } tfText)
        {
            timeFrame = TimeFrame.TryParse(tfText, out var tf)
                ? tf
                : throw root.Error("timeframe", null, $"'{tfText}' is not a bar size; expected e.g. 1min, 5min, 15min, 30min, 1h or daily");
        }

        var costsNode = root.Section("costs");
        var costs = SettingsBinder.BindCosts(costsNode, settings.Costs);
        costsNode.EnsureNoUnknownKeys();

        int seed = root.Int("seed", settings.Backtest.Seed, 0, int.MaxValue);
        var v = root.Section("venue");
        double cap = costs.ParticipationCap;
        if (v.Contains("participation_cap"))
        {
            cap = v.Has("participation_cap") ? v.Double("participation_cap", 0, 0, 1) : 0;
        }

        var venue = new VenueSettings(
            cap,
            v.Double("touch_fill_probability", 0, 0, 1),
            v.Int("seed", seed, 0, int.MaxValue),
            v.Int("statistics_span_bars", 20 * 26, 1, 1_000_000));
        v.EnsureNoUnknownKeys();

        var account = root.OptionalString("account") is { } acc
            ? acc.ToLowerInvariant() switch
            {
                "cash" => AccountType.Cash,
                "margin" or "reg_t" => AccountType.Margin,
                _ => throw root.Error("account", null, $"'{acc}' is not allowed; expected cash or margin (reg_t)"),
            }
            : (AccountType?)null;

        var start = Date(root, "start", endExclusive: false);
        var end = Date(root, "end", endExclusive: true);
        if (start is { } s0 && end is { } e0 && e0 < s0)
        {
            throw root.Error("end", null, $"{e0:yyyy-MM-dd} is before start {s0:yyyy-MM-dd}");
        }

        var file = new RunFile
        {
            File = root.File,
            RunId = root.OptionalString("run_id"),
            Engine = root.Has("engine") ? root.Enum("engine", BacktestEngineKind.Event) : null,
            Strategy = strategy,
            InitialCapital = root.Has("initial_capital") ? root.Decimal("initial_capital", 0m, 1m, 1_000_000_000_000m) : null,
            Account = account,
            TimeFrame = timeFrame,
            Start = start,
            End = end,
            Symbols = root.Has("symbols") ? root.StringList("symbols") : null,
            Sectors = root.ScalarMap("sectors"),
            Benchmark = root.OptionalString("benchmark"),
            Costs = costs,
            Venue = venue,
            DataFingerprints = root.ScalarMap("data_fingerprints"),
        };
        root.EnsureNoUnknownKeys();
        return file;
    }

    /// <summary>
    /// A session date: yyyy-MM-dd, or a UTC instant as a run record writes it (midnight New York of the start date; of
    /// the day after the end date, which is exclusive).
    /// </summary>
    private static DateOnly? Date(ConfigNode node, string key, bool endExclusive)
    {
        string? text = node.OptionalString(key);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        if (DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
        {
            var local = NyseCalendar.Instance.ToExchangeTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
            var date = DateOnly.FromDateTime(local);
            return endExclusive ? date.AddDays(-1) : date;
        }

        throw node.Error(key, null, $"'{text}' is not a date; expected yyyy-MM-dd");
    }
}
