namespace CustomerRetention;

/// <summary>
/// Whether a maximum-likelihood fit can be trusted (<see cref="FitResult.Status"/>). Every model of the library
/// sets it by the same rule, and the reasons are in <see cref="FitResult.Warnings"/>.
/// </summary>
public enum FitStatus
{
    /// <summary>
    /// The optimiser met its gradient tolerance, the information matrix (the Hessian of −LL) is positive
    /// definite, no parameter ran to the boundary of its space, and the model reported nothing: the estimates
    /// and their standard errors can be used.
    /// </summary>
    Converged = 0,

    /// <summary>The optimiser stopped (iteration limit, no further descent) before meeting its tolerance.</summary>
    NotConverged = 1,

    /// <summary>
    /// The data cannot identify (some of) the parameters: a parameter ran to the boundary of its space (e.g. a
    /// purchase rate shape r → 0 when no customer made a repeat purchase, or a + b → ∞ when the data show no
    /// dropout), the Hessian at the optimum is singular or not positive definite, or a parameter's standard error
    /// exceeds 100 times its value (the likelihood is nearly flat along it). The likelihood may still
    /// be maximised, but the affected parameters and their standard errors carry no information; the warnings
    /// say which and why.
    /// </summary>
    NotIdentified = 2,
}
