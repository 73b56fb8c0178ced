namespace AlphaTrade.Configuration;

/// <summary>Binds strategy definitions: the <c>strategies</c> section of settings.yaml and the <c>strategy</c> block of run files.</summary>
internal static class StrategyBinder
{
    /// <summary>
    /// The <c>strategies</c> section: a mapping of name → definition (<c>type</c> plus the type's parameters).
    /// Absent: <see cref="StrategyCatalog.BuiltIn"/>.
    /// </summary>
    public static StrategyCatalog BindCatalog(ConfigNode root, IStrategyTypeCatalog? external = null)
    {
        if (!root.Has("strategies"))
        {
            return external is null ? StrategyCatalog.BuiltIn : new StrategyCatalog(StrategyCatalog.BuiltIn) { ExternalTypes = external };
        }

        var section = root.Section("strategies");
        var list = new List<StrategySettings>();
        var combinations = new List<(int At, string Name, ConfigNode Node)>();
        foreach (var name in section.Keys)
        {
            CheckName(section, name);
            var node = section.Section(name);
            if (string.Equals(node.OptionalString("type"), CombinationSettings.TypeName, StringComparison.Ordinal))
            {
                // Bound once every other strategy is known, so members may be defined after it.
                combinations.Add((list.Count + combinations.Count, name, node));
                continue;
            }

            string type = TypeOf(node, name, external);
            list.Add(external is not null && external.Names.Contains(type, StringComparer.Ordinal)
                ? BindExternal(node, name, type, external)
                : external is null && !StrategyCatalog.Types.Contains(type, StringComparer.Ordinal)
                ? BindGeneric(node, name, type)
                : Bind(node, name, type, node, null));
            node.EnsureNoUnknownKeys();
        }

        foreach (var (at, name, node) in combinations)
        {
            list.Insert(at, BindCombination(node, name, list));
            node.EnsureNoUnknownKeys();
        }

        if (list.Count == 0)
        {
            throw section.Error("strategies", null, "no strategy is defined; define at least one, e.g. sma_crossover: { type: sma_crossover }");
        }

        return new StrategyCatalog(list) { ExternalTypes = external };
    }

    /// <summary>
    /// The <c>type</c> key of a definition; a definition named after a type may leave it out. Without a catalog of
    /// external types (the configuration loaded on its own), any well-formed type name is accepted: the host that
    /// implements it checks it and its parameters when it builds the strategy.
    /// </summary>
    public static string TypeOf(ConfigNode node, string name, IStrategyTypeCatalog? external = null)
    {
        var types = external is null ? StrategyCatalog.Types : [.. StrategyCatalog.Types, .. external.Names];
        string? type = node.OptionalString("type");
        if (type is null)
        {
            return types.Contains(name, StringComparer.Ordinal)
                ? name
                : throw node.Error("type", null, $"missing; expected one of {string.Join(", ", types)}");
        }

        if (external is null && !types.Contains(type, StringComparer.Ordinal))
        {
            return type.Length is > 0 and <= 64 && type.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_')
                ? type
                : throw node.ErrorAt("type", $"'{type}' is not a strategy type name; expected letters, digits and '_'");
        }

        return types.Contains(type, StringComparer.Ordinal)
            ? type
            : throw node.ErrorAt("type", $"'{type}' is not a strategy type; expected one of {string.Join(", ", types)}");
    }

    /// <summary>
    /// A strategy of an external type: <c>symbols</c> (list, optional), <c>allocation</c> (share of equity, default 1)
    /// and every other key a parameter checked by the type's catalog, each error at its own line.
    /// </summary>
    public static FrameworkStrategySettings BindExternal(ConfigNode node, string name, string type, IStrategyTypeCatalog external)
    {
        var symbols = node.Has("symbols") ? node.StringList("symbols") : null;
        double allocation = node.Double("allocation", 1.0, 1e-6, 10.0);
        var parameters = new List<KeyValuePair<string, string>>();
        foreach (var key in node.Keys)
        {
            if (key is "type" or "symbols" or "allocation")
            {
                continue;
            }

            string value = node.RawScalar(key) ?? "null";
            if (external.CheckParameter(type, key, value) is { } problem)
            {
                throw node.ErrorAt(key, problem);
            }

            parameters.Add(new(key, value));
        }

        return new FrameworkStrategySettings(name, type, parameters, symbols, allocation);
    }

    /// <summary>
    /// A strategy of a type the configuration does not implement, bound without a catalog: only the generic keys are
    /// checked (<c>symbols</c>, <c>allocation</c>); the other keys are kept as written for the host to validate.
    /// </summary>
    public static FrameworkStrategySettings BindGeneric(ConfigNode node, string name, string type)
    {
        var symbols = node.Has("symbols") ? node.StringList("symbols") : null;
        double allocation = node.Double("allocation", 1.0, 1e-6, 10.0);
        var parameters = new List<KeyValuePair<string, string>>();
        foreach (var key in node.Keys)
        {
            if (key is not ("type" or "symbols" or "allocation"))
            {
                parameters.Add(new(key, node.RawScalar(key) ?? "null"));
            }
        }

        return new FrameworkStrategySettings(name, type, parameters, symbols, allocation);
    }

    /// <summary>
    /// A <c>combination</c>: <c>members</c>, a list of other strategies of <paramref name="defined"/> (no
    /// combinations, no repeats) whose allocations sum to at most 1.
    /// </summary>
    public static CombinationSettings BindCombination(ConfigNode node, string name, IReadOnlyList<StrategySettings> defined)
    {
        node.OptionalString("type");
        if (!node.Has("members"))
        {
            throw node.Error("members", null, "missing; expected a list of strategies defined under strategies, e.g. [momentum, pairs]");
        }

        return Combination(node, name, node.StringList("members"), defined);
    }

    /// <summary>A combination of the strategies called <paramref name="names"/> (errors at <paramref name="node"/>'s <c>members</c>).</summary>
    public static CombinationSettings Combination(ConfigNode node, string name, IReadOnlyList<string> names, IReadOnlyList<StrategySettings> defined)
    {
        if (names.Count == 0)
        {
            throw node.ErrorAt("members", "is empty; expected at least one strategy defined under strategies");
        }

        var members = new List<StrategySettings>(names.Count);
        foreach (var m in names)
        {
            var s = defined.FirstOrDefault(x => string.Equals(x.Name, m, StringComparison.Ordinal))
                ?? throw node.ErrorAt("members", $"'{m}' is not a strategy defined under strategies (a combination cannot contain a combination); defined: {string.Join(", ", defined.Select(x => x.Name))}");
            if (members.Contains(s))
            {
                throw node.ErrorAt("members", $"'{m}' is listed twice");
            }

            members.Add(s);
        }

        double total = members.Sum(CombinationSettings.AllocationOf);
        if (total > 1 + 1e-9)
        {
            throw node.ErrorAt("members", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"allocations sum to {total:0.###}; expected at most 1 (give each member an allocation, e.g. 0.25; sma_crossover counts as 1)"));
        }

        return new CombinationSettings(name, members);
    }

    /// <summary>Checks a strategy name: letters, digits, '_', '-' or '.', as run ids and CSV files need.</summary>
    public static void CheckName(ConfigNode where, string name)
    {
        if (name.Length == 0 || name.Length > 64 || !name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-' or '.') || name[0] == '.')
        {
            throw where.Error(name, null, "is not a valid strategy name; use letters, digits, '_', '-' or '.' (at most 64)");
        }
    }

    /// <summary>
    /// Binds the parameters of a <paramref name="type"/> strategy from <paramref name="parameters"/>; a missing key takes
    /// its value from <paramref name="baseline"/> (a strategy of the same type) or the type's default.
    /// </summary>
    public static StrategySettings Bind(ConfigNode where, string name, string type, ConfigNode parameters, StrategySettings? baseline) => type switch
    {
        SmaCrossoverSettings.TypeName => BindSmaCrossover(name, parameters, baseline as SmaCrossoverSettings ?? new SmaCrossoverSettings(name)),
        _ => throw where.Error("type", null, $"'{type}' is not a strategy type; expected one of {string.Join(", ", StrategyCatalog.Types)}"),
    };

    private static SmaCrossoverSettings BindSmaCrossover(string name, ConfigNode p, SmaCrossoverSettings d)
    {
        int fast = p.Int("fast_period", d.FastPeriod, 1, 1_000_000);
        int slow = p.Int("slow_period", d.SlowPeriod, 2, 1_000_000);
        if (slow <= fast)
        {
            throw p.Error("slow_period", null, $"{slow} must exceed fast_period ({fast})");
        }

        return new SmaCrossoverSettings(
            name,
            fast,
            slow,
            p.Enum("sizing", d.Sizing),
            p.Contains("weight") ? p.OptionalDouble("weight", 0, 10) : d.Weight,
            p.Int("shares", d.Shares, 1, 100_000_000),
            p.Bool("allow_short", d.AllowShort));
    }
}
