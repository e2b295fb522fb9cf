using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using MineralRules.Applications;
using MineralRules.Compilation;
using MineralRules.Documents;
using MineralRules.Evaluation;
using MineralRules.Reference;

namespace MineralRules.RuleSets;

/// <summary>
/// A cold load is almost all first-time JIT compilation (about 1,400 methods; docs/performance.md). Where the
/// machine has a spare core, a thread of its own compiles the code of every loading stage ahead of the loading
/// thread, in the order that thread reaches it, and builds the once-per-process tables — what the runtime's
/// multicore JIT does from a recorded profile. Nothing waits for it and nothing depends on it: a method is compiled
/// once, by whichever thread reaches it first, so the result is the same either way and only the time differs.
/// </summary>
internal static class StartUp
{
    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    private static int _started;

    /// <summary>Starts the work once per process; does nothing on a single core.</summary>
    public static void Begin()
    {
        if (Environment.ProcessorCount > 1 && Interlocked.Exchange(ref _started, 1) == 0)
        {
            // A thread of its own, started at once (the pool may take a while to add one); never keeps the
            // process alive.
            new Thread(Run) { IsBackground = true, Name = "MineralRules start-up" }.Start();
        }
    }

    private static void Run()
    {
        // The YAML parser first: its tag pattern is a compiled Regex, then its scanner and parser.
        RuntimeHelpers.RunClassConstructor(typeof(YamlDotNet.Core.Tokens.TagDirective).TypeHandle);
        Prepare(typeof(YamlDotNet.Core.Scanner));
        Prepare(typeof(YamlDotNet.Core.Parser));
        Prepare(typeof(YamlDocumentReader));
        Prepare(typeof(MappingReader));
        Prepare(typeof(Scalars));

        // The [GeneratedRegex] patterns the reader and validator check ids, versions and clause numbers with:
        // matching once compiles the runtime's searching code they call into, as well as their own.
        foreach (var owner in new[] { typeof(ClauseNumbers), typeof(RuleSetReader), typeof(RuleSetValidator), typeof(PlanText) })
        {
            foreach (var method in owner.GetMethods(BindingFlags.NonPublic | BindingFlags.Static))
            {
                if (method.ReturnType == typeof(Regex) && method.GetParameters().Length == 0 && method.Invoke(null, null) is Regex pattern)
                {
                    _ = pattern.IsMatch("1.0.0-a 第一章 {x}");
                }
            }
        }

        // Reading the rules (with the vocabularies), the tables validation needs, then validating, compiling and
        // evaluating.
        Prepare(typeof(RuleSetReader));
        _ = Vocabularies.Minerals;
        Prepare(typeof(PlanText));
        _ = FieldCatalog.Default;
        _ = AdministrativeDivisions.Default;
        Type[] stages =
        [
            typeof(RuleSetValidator), typeof(RuleSetCompiler), typeof(ScopeCompiler), typeof(ConditionCompiler), typeof(ScaleDerivation),
            typeof(CompiledRule), typeof(CompiledRuleSet), typeof(RuleIndex), typeof(Evaluator),
        ];
        foreach (var type in stages)
        {
            Prepare(type);
        }
    }

    /// <summary>Compiles the non-generic methods of a type and of its nested types (lambdas, iterators).</summary>
    private static void Prepare(Type type)
    {
        if (type.ContainsGenericParameters)
        {
            return;
        }

        foreach (var method in type.GetMethods(Declared))
        {
            if (!method.IsAbstract && !method.ContainsGenericParameters)
            {
                RuntimeHelpers.PrepareMethod(method.MethodHandle);
            }
        }

        foreach (var constructor in type.GetConstructors(Declared))
        {
            if (!constructor.IsStatic)
            {
                RuntimeHelpers.PrepareMethod(constructor.MethodHandle);
            }
        }

        foreach (var nested in type.GetNestedTypes(BindingFlags.NonPublic | BindingFlags.Public))
        {
            Prepare(nested);
        }
    }
}
