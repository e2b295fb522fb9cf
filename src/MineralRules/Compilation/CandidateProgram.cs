using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using MineralRules.Evaluation;

namespace MineralRules.Compilation;

/// <summary>
/// One (permit, action, mineral) combination's candidate rules as one compiled method: for each rule that can
/// apply, its scope's remaining test and its condition, in line, in rule-set order — what the evaluator's loop does
/// through a virtual call and delegates per rule, the way a hand-written plan would say it. It answers which rules
/// passed (a bit per slot of <see cref="RuleIndex.Entry.Candidates"/>) and which must be decided by the evaluator
/// (<paramref name="decide"/>: a fail, a review, a missing fact, an exemption); a rule whose scope is false is in
/// neither. It decides nothing itself: every slot in <paramref name="decide"/> is evaluated again through the
/// condition tree, which also says which facts are missing, so the program is only the fast path to "passed" and
/// "does not apply" (the evaluator's tests compare the two paths on every sample and on generated applications).
/// </summary>
/// <param name="application">The application.</param>
/// <param name="zones">The application's zones as a mask (<see cref="CompiledScope.ZonesOf"/>).</param>
/// <param name="decide">The slots the evaluator decides.</param>
/// <returns>The slots that passed.</returns>
internal delegate ulong CandidateProgram(Application application, ulong zones, out ulong decide);

/// <summary>
/// Builds <see cref="CandidateProgram"/>s with System.Linq.Expressions: generated when a combination has been
/// evaluated <see cref="RuleIndex.ProgramAfter"/> times, never at load. Where the runtime cannot compile code
/// (native AOT), there is no program and the evaluator's loop does the work.
/// </summary>
internal static class CandidatePrograms
{
    /// <summary>Whether programs can be compiled to code here (not under native AOT, where they would be interpreted).</summary>
    public static bool Supported => RuntimeFeature.IsDynamicCodeCompiled;

    /// <summary>The program for these candidate rules (at most 64: a bit each).</summary>
    public static CandidateProgram Compile(IReadOnlyList<CompiledRule> candidates) => Build(candidates).Compile();

    /// <summary>The program's code, not yet compiled.</summary>
    internal static Expression<CandidateProgram> Build(IReadOnlyList<CompiledRule> candidates)
    {
        if (candidates.Count > VerdictList.MaskedCandidates)
        {
            throw new ArgumentException($"A program holds at most {VerdictList.MaskedCandidates} candidate rules.", nameof(candidates));
        }

        var application = Expression.Parameter(typeof(Application), "application");
        var zones = Expression.Parameter(typeof(ulong), "zones");
        var decide = Expression.Parameter(typeof(ulong).MakeByRefType(), "decide");
        var passed = Expression.Variable(typeof(ulong), "passed");
        var undecided = Expression.Variable(typeof(ulong), "undecided");
        var scope = Expression.Variable(typeof(int), "scope");
        var condition = Expression.Variable(typeof(int), "condition");
        var body = new List<Expression>();
        for (var slot = 0; slot < candidates.Count; slot++)
        {
            var rule = candidates[slot];
            var bit = Expression.Constant(1UL << slot);
            var pass = Expression.OrAssign(passed, bit);
            var other = Expression.OrAssign(undecided, bit);

            // As the evaluator's loop: met, and passing with the scope as known (a met condition passes despite
            // an unknown scope only where the rule set reads so).
            var passes = rule.PassesWhenMetDespiteUnknownScope
                ? Expression.Equal(condition, Kleene.True)
                : Expression.AndAlso(Expression.Equal(condition, Kleene.True), Expression.Equal(scope, Kleene.True));
            // A rule whose met condition means review never passes here: in scope, it is decided without its condition.
            var decideRule = rule.PassesWhenMet
                ? (Expression)Expression.Block(Expression.Assign(condition, rule.Condition!.Code(application)), Expression.IfThenElse(passes, pass, other))
                : other;
            body.Add(Expression.Block(
                Expression.Assign(scope, rule.Scope.Code(application, zones)),
                Expression.IfThen(Expression.NotEqual(scope, Kleene.False), decideRule)));
        }

        body.Add(Expression.Assign(decide, undecided));
        body.Add(passed);
        return Expression.Lambda<CandidateProgram>(Expression.Block(typeof(ulong), [passed, undecided, scope, condition], body), application, zones, decide);
    }
}

/// <summary>
/// Three-valued truth as the <see cref="int"/> a program computes with: false 0, unknown 1, true 2, so that Kleene's
/// "and" is the smaller, "or" the larger, and "not" is 2 minus the value. Only the value: which facts are missing is
/// the condition tree's to say (<see cref="Truth"/>).
/// </summary>
internal static class Kleene
{
    public static readonly ConstantExpression False = Expression.Constant(0);

    public static readonly ConstantExpression Unknown = Expression.Constant(1);

    public static readonly ConstantExpression True = Expression.Constant(2);

    private static readonly System.Reflection.MethodInfo Min = typeof(Math).GetMethod(nameof(Math.Min), [typeof(int), typeof(int)])!;

    private static readonly System.Reflection.MethodInfo Max = typeof(Math).GetMethod(nameof(Math.Max), [typeof(int), typeof(int)])!;

    private static readonly System.Reflection.MethodInfo EvaluateMethod = typeof(CompiledCondition).GetMethod(nameof(CompiledCondition.Evaluate))!;

    /// <summary>The code of a truth known now (a constant).</summary>
    public static ConstantExpression Of(Truth truth) => truth.IsTrue ? True : truth.IsFalse ? False : Unknown;

    /// <summary>The code of a <see cref="Truth"/> computed at run time.</summary>
    public static Expression OfTruth(Expression truth)
    {
        var value = Expression.Convert(Expression.Property(truth, nameof(Truth.Value)), typeof(int));
        return Expression.Condition(
            Expression.Equal(value, Expression.Constant((int)TruthValue.True)),
            True,
            Expression.Condition(Expression.Equal(value, Expression.Constant((int)TruthValue.False)), False, Unknown));
    }

    /// <summary>Evaluates a condition the program has no code of its own for (a call to <see cref="CompiledCondition.Evaluate"/>).</summary>
    public static Expression Call(CompiledCondition condition, Expression application) =>
        OfTruth(Expression.Call(Expression.Constant(condition, typeof(CompiledCondition)), EvaluateMethod, application));

    /// <summary>A test that holds or not.</summary>
    public static Expression OfBool(Expression test) => Expression.Condition(test, True, False);

    /// <summary>Kleene conjunction, in order, stopping at the first false part (as <see cref="AllOf"/>).</summary>
    public static Expression And(IReadOnlyList<Expression> parts) => Fold(parts, False, Min);

    /// <summary>Kleene disjunction, in order, stopping at the first true part (as <see cref="AnyOf"/>).</summary>
    public static Expression Or(IReadOnlyList<Expression> parts) => Fold(parts, True, Max);

    public static Expression Not(Expression part) => Expression.Subtract(True, part);

    private static Expression Fold(IReadOnlyList<Expression> parts, ConstantExpression decisive, System.Reflection.MethodInfo combine)
    {
        var result = parts[0];
        for (var i = 1; i < parts.Count; i++)
        {
            var sofar = Expression.Variable(typeof(int));
            result = Expression.Block(
                typeof(int),
                [sofar],
                Expression.Assign(sofar, result),
                Expression.Condition(Expression.Equal(sofar, decisive), decisive, Expression.Call(combine, sofar, parts[i])));
        }

        return result;
    }

    /// <summary>
    /// A typed reader of a field, as code: the field's own access in line where <paramref name="read"/> is one of
    /// the readers the field hands out (<see cref="Field.AccessAs"/>), else a call of the delegate.
    /// </summary>
    public static Expression Read<T>(Func<Application, T?> read, Expression application)
        where T : struct =>
        Field.Owning(read) is { } field && field.AccessAs(typeof(T), application) is { } access
            ? access
            : CallOf(read, application);

    /// <summary>
    /// A call of a delegate in the generated code (<c>Expression.Invoke</c> builds a delegate invocation in the
    /// program, as the loop makes it: no reflection, nothing found by name).
    /// </summary>
    public static Expression CallOf(Delegate target, Expression application) => Expression.Invoke(Expression.Constant(target), application);

    /// <summary>The value of a nullable read if present, else <paramref name="absent"/>: <c>read is { } v ? present(v) : absent</c>.</summary>
    public static Expression IfPresent(Expression read, Func<Expression, Expression> present, Expression absent)
    {
        var value = Expression.Variable(read.Type);
        return Expression.Block(
            typeof(int),
            [value],
            Expression.Assign(value, read),
            Expression.Condition(Expression.Property(value, nameof(Nullable<int>.HasValue)), present(Expression.Property(value, nameof(Nullable<int>.Value))), absent));
    }
}
