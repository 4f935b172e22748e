using System.Numerics;

namespace InfoTheory.Variational.Autodiff;

/// <summary>
/// The one home of the tensor factories and of the operations that combine several tensors; the element type is
/// inferred from the arguments or given explicitly (<c>AutodiffTensor.Zeros&lt;float&gt;(2, 3)</c>).
/// </summary>
/// <remarks>
/// <para>Where an operation lives, by one rule:</para>
/// <list type="bullet">
/// <item><description>Creating a tensor (<see cref="Zeros{T}"/>, <see cref="FromValues{T}(ReadOnlySpan{T}, ReadOnlySpan{int})"/>, <see cref="RandomNormal{T}"/>, …) and
/// every operation on two or more tensors (<see cref="Add{T}(AutodiffTensor{T}, AutodiffTensor{T})"/>, <see cref="Subtract{T}(AutodiffTensor{T}, AutodiffTensor{T})"/>,
/// <see cref="Multiply{T}(AutodiffTensor{T}, AutodiffTensor{T})"/>, <see cref="Divide{T}(AutodiffTensor{T}, AutodiffTensor{T})"/>,
/// <see cref="MatMul{T}"/>, <see cref="Linear{T}"/>, <see cref="Concat{T}"/>, <see cref="BinaryCrossEntropyWithLogits{T}"/>) is a static
/// method here, documented here once. The four arithmetic operations also take a constant on either side.</description></item>
/// <item><description>An operation on one tensor is an instance method of <see cref="AutodiffTensor{T}"/>: <c>x.Exp()</c>,
/// <c>x.Sum(axis: 1)</c>, <c>x.Reshape(2, -1)</c>, <c>x.Negate()</c>; its numeric arguments (a power, an axis, a shape) are parameters.</description></item>
/// <item><description>The operators <c>+ - * /</c> are the symbolic spellings of Add, Subtract, Multiply and Divide (the same
/// overloads, the same documentation); unary <c>-</c> is <see cref="AutodiffTensor{T}.Negate"/>.</description></item>
/// </list>
/// </remarks>
public static class AutodiffTensor
{
    /// <summary>A tensor of zeros.</summary>
    /// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks.</typeparam>
    /// <param name="shape">Extents, each &gt;= 0; none for a scalar.</param>
    /// <returns>A new leaf tensor that does not require gradients.</returns>
    /// <exception cref="ArgumentException">A negative extent, rank above 8, or too many elements.</exception>
    public static AutodiffTensor<T> Zeros<T>(params ReadOnlySpan<int> shape)
        where T : unmanaged, IFloatingPointIeee754<T>
        => AutodiffTensor<T>.Zeros(shape);

    /// <summary>A tensor of ones.</summary>
    /// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks.</typeparam>
    /// <param name="shape">Extents, each &gt;= 0; none for a scalar.</param>
    /// <returns>A new leaf tensor that does not require gradients.</returns>
    /// <exception cref="ArgumentException">A negative extent, rank above 8, or too many elements.</exception>
    public static AutodiffTensor<T> Ones<T>(params ReadOnlySpan<int> shape)
        where T : unmanaged, IFloatingPointIeee754<T>
        => AutodiffTensor<T>.Ones(shape);

    /// <summary>A tensor with every element equal to <paramref name="value"/>.</summary>
    /// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks.</typeparam>
    /// <param name="value">The fill value.</param>
    /// <param name="shape">Extents, each &gt;= 0; none for a scalar.</param>
    /// <returns>A new leaf tensor that does not require gradients.</returns>
    /// <exception cref="ArgumentException">A negative extent, rank above 8, or too many elements.</exception>
    public static AutodiffTensor<T> Full<T>(T value, params ReadOnlySpan<int> shape)
        where T : unmanaged, IFloatingPointIeee754<T>
        => AutodiffTensor<T>.Full(value, shape);

    /// <summary>A rank-0 tensor holding one value.</summary>
    /// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>A new leaf tensor of shape [] that does not require gradients.</returns>
    public static AutodiffTensor<T> Scalar<T>(T value)
        where T : unmanaged, IFloatingPointIeee754<T>
        => AutodiffTensor<T>.Scalar(value);

    /// <summary>A tensor holding a copy of <paramref name="values"/> in row-major order.</summary>
    /// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks.</typeparam>
    /// <param name="values">The elements; their count must equal the product of the extents.</param>
    /// <param name="shape">Extents, each &gt;= 0; none for a scalar.</param>
    /// <returns>A new leaf tensor that does not require gradients.</returns>
    /// <exception cref="ArgumentException">The shape is invalid or its element count differs from the number of values.</exception>
    public static AutodiffTensor<T> FromValues<T>(ReadOnlySpan<T> values, params ReadOnlySpan<int> shape)
        where T : unmanaged, IFloatingPointIeee754<T>
        => AutodiffTensor<T>.FromValues(values, shape);

    /// <summary>A [rows, columns] tensor holding a copy of a matrix, row-major: element [i, j] of the matrix is element [i, j] of the tensor.</summary>
    /// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks.</typeparam>
    /// <param name="values">The matrix; a .NET <c>T[,]</c> is stored row-major, so it is copied in one block.</param>
    /// <returns>A new leaf tensor of shape [values.GetLength(0), values.GetLength(1)] that does not require gradients.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public static AutodiffTensor<T> FromValues<T>(T[,] values)
        where T : unmanaged, IFloatingPointIeee754<T>
        => AutodiffTensor<T>.FromValues(values);

    /// <summary>A tensor of independent normal draws N(<paramref name="mean"/>, <paramref name="standardDeviation"/>²).</summary>
    /// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks.</typeparam>
    /// <remarks>Box–Muller on <see cref="Random.NextDouble"/>, the sampler the core package uses too, so the same seeded generator gives the same bits in both.</remarks>
    /// <param name="random">The source of randomness.</param>
    /// <param name="mean">μ, finite.</param>
    /// <param name="standardDeviation">σ, finite and &gt;= 0.</param>
    /// <param name="shape">Extents, each &gt;= 0.</param>
    /// <returns>A new leaf tensor that does not require gradients.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mean"/> is not finite or <paramref name="standardDeviation"/> is negative or not finite.</exception>
    /// <exception cref="ArgumentException">The shape is invalid.</exception>
    public static AutodiffTensor<T> RandomNormal<T>(Random random, T mean, T standardDeviation, params ReadOnlySpan<int> shape)
        where T : unmanaged, IFloatingPointIeee754<T>
        => AutodiffTensor<T>.RandomNormal(random, mean, standardDeviation, shape);

    /// <summary>A tensor of independent uniform draws on [<paramref name="low"/>, <paramref name="high"/>).</summary>
    /// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks.</typeparam>
    /// <param name="random">The source of randomness.</param>
    /// <param name="low">Lower bound, finite.</param>
    /// <param name="high">Upper bound, finite and &gt;= <paramref name="low"/>.</param>
    /// <param name="shape">Extents, each &gt;= 0.</param>
    /// <returns>A new leaf tensor that does not require gradients.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite or <paramref name="high"/> &lt; <paramref name="low"/>.</exception>
    /// <exception cref="ArgumentException">The shape is invalid.</exception>
    public static AutodiffTensor<T> RandomUniform<T>(Random random, T low, T high, params ReadOnlySpan<int> shape)
        where T : unmanaged, IFloatingPointIeee754<T>
        => AutodiffTensor<T>.RandomUniform(random, low, high, shape);

    /// <summary>The constant 0/1 mask of a lower-triangular n×n matrix: 1 where column ≤ row + <paramref name="diagonal"/>.</summary>
    /// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks.</typeparam>
    /// <param name="n">Rows and columns, &gt;= 0.</param>
    /// <param name="diagonal">Which diagonal is the last one kept: 0 the main one, −1 strictly below it, 1 one above.</param>
    /// <returns>A new n×n leaf tensor that does not require gradients.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative, or n × n exceeds <see cref="int.MaxValue"/>.</exception>
    public static AutodiffTensor<T> LowerTriangularMask<T>(int n, int diagonal = 0)
        where T : unmanaged, IFloatingPointIeee754<T>
        => AutodiffTensor<T>.LowerTriangularMask(n, diagonal);

    /// <summary>Elementwise sum with NumPy broadcasting.</summary>
    /// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks.</typeparam>
    /// <remarks>y = a + b; ∂y/∂a = ∂y/∂b = 1, summed over the axes each operand was broadcast along.</remarks>
    /// <param name="left">a.</param>
    /// <param name="right">b, broadcastable against a.</param>
    /// <returns>A tensor of the broadcast shape.</returns>
    /// <exception cref="ArgumentNullException">An operand is null.</exception>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast, or their broadcast has more than int.MaxValue elements; the message shows both.</exception>
    public static AutodiffTensor<T> Add<T>(AutodiffTensor<T> left, AutodiffTensor<T> right)
        where T : unmanaged, IFloatingPointIeee754<T>
        => AutodiffTensor<T>.AddNode.Forward(left, right);

    /// <summary>Elementwise difference with NumPy broadcasting.</summary>
    /// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks.</typeparam>
    /// <remarks>y = a − b; ∂y/∂a = 1, ∂y/∂b = −1, summed over broadcast axes.</remarks>
    /// <param name="left">a.</param>
    /// <param name="right">b, broadcastable against a.</param>
    /// <returns>A tensor of the broadcast shape.</returns>
    /// <exception cref="ArgumentNullException">An operand is null.</exception>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast, or their broadcast has more than int.MaxValue elements; the message shows both.</exception>
    public static AutodiffTensor<T> Subtract<T>(AutodiffTensor<T> left, AutodiffTensor<T> right)
        where T : unmanaged, IFloatingPointIeee754<T>
        => AutodiffTensor<T>.SubtractNode.Forward(left, right);

    /// <summary>Elementwise product with NumPy broadcasting (the matrix product is <see cref="MatMul{T}"/>).</summary>
    /// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks.</typeparam>
    /// <remarks>y = a·b; ∂y/∂a = b, ∂y/∂b = a, summed over broadcast axes.</remarks>
    /// <param name="left">a.</param>
    /// <param name="right">b, broadcastable against a.</param>
    /// <returns>A tensor of the broadcast shape.</returns>
    /// <exception cref="ArgumentNullException">An operand is null.</exception>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast, or their broadcast has more than int.MaxValue elements; the message shows both.</exception>
    public static AutodiffTensor<T> Multiply<T>(AutodiffTensor<T> left, AutodiffTensor<T> right)
        where T : unmanaged, IFloatingPointIeee754<T>
        => AutodiffTensor<T>.MultiplyNode.Forward(left, right);

    /// <summary>Elementwise quotient with NumPy broadcasting.</summary>
    /// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks.</typeparam>
    /// <remarks>y = a / b; ∂y/∂a = 1/b, ∂y/∂b = −a/b² = −y/b, summed over broadcast axes. Division by zero follows IEEE 754 (±∞ or NaN).</remarks>
    /// <param name="left">a.</param>
    /// <param name="right">b, broadcastable against a.</param>
    /// <returns>A tensor of the broadcast shape.</returns>
    /// <exception cref="ArgumentNullException">An operand is null.</exception>
    /// <exception cref="ArgumentException">The shapes cannot be broadcast, or their broadcast has more than int.MaxValue elements; the message shows both.</exception>
    public static AutodiffTensor<T> Divide<T>(AutodiffTensor<T> left, AutodiffTensor<T> right)
        where T : unmanaged, IFloatingPointIeee754<T>
        => AutodiffTensor<T>.DivideNode.Forward(left, right);

    /// <summary>Adds a constant to every element.</summary>
    /// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks.</typeparam>
    /// <remarks>y = x + c; ∂y/∂x = 1.</remarks>
    /// <param name="left">x.</param>
    /// <param name="right">c.</param>
    /// <returns>A tensor of x's shape.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="left"/> is null.</exception>
    public static AutodiffTensor<T> Add<T>(AutodiffTensor<T> left, T right)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(left);
        return AutodiffTensor<T>.AddConstantNode.Forward(left, right);
    }

    /// <summary>Adds every element to a constant.</summary>
    /// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks.</typeparam>
    /// <remarks>y = c + x; ∂y/∂x = 1.</remarks>
    /// <param name="left">c.</param>
    /// <param name="right">x.</param>
    /// <returns>A tensor of x's shape.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="right"/> is null.</exception>
    public static AutodiffTensor<T> Add<T>(T left, AutodiffTensor<T> right)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(right);
        return AutodiffTensor<T>.AddConstantNode.Forward(right, left);
    }

    /// <summary>Subtracts a constant from every element.</summary>
    /// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks.</typeparam>
    /// <remarks>y = x − c, computed as x + (−c); ∂y/∂x = 1.</remarks>
    /// <param name="left">x.</param>
    /// <param name="right">c.</param>
    /// <returns>A tensor of x's shape.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="left"/> is null.</exception>
    public static AutodiffTensor<T> Subtract<T>(AutodiffTensor<T> left, T right)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(left);
        return AutodiffTensor<T>.AddConstantNode.Forward(left, -right);
    }

    /// <summary>Subtracts every element from a constant.</summary>
    /// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks.</typeparam>
    /// <remarks>y = c − x, computed as (−x) + c; ∂y/∂x = −1.</remarks>
    /// <param name="left">c.</param>
    /// <param name="right">x.</param>
    /// <returns>A tensor of x's shape.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="right"/> is null.</exception>
    public static AutodiffTensor<T> Subtract<T>(T left, AutodiffTensor<T> right)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(right);
        return AutodiffTensor<T>.AddConstantNode.Forward(right.Negate(), left);
    }

    /// <summary>Multiplies every element by a constant.</summary>
    /// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks.</typeparam>
    /// <remarks>y = x·c; ∂y/∂x = c.</remarks>
    /// <param name="left">x.</param>
    /// <param name="right">c.</param>
    /// <returns>A tensor of x's shape.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="left"/> is null.</exception>
    public static AutodiffTensor<T> Multiply<T>(AutodiffTensor<T> left, T right)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(left);
        return AutodiffTensor<T>.MultiplyConstantNode.Forward(left, right);
    }

    /// <summary>Multiplies a constant by every element.</summary>
    /// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks.</typeparam>
    /// <remarks>y = c·x; ∂y/∂x = c.</remarks>
    /// <param name="left">c.</param>
    /// <param name="right">x.</param>
    /// <returns>A tensor of x's shape.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="right"/> is null.</exception>
    public static AutodiffTensor<T> Multiply<T>(T left, AutodiffTensor<T> right)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(right);
        return AutodiffTensor<T>.MultiplyConstantNode.Forward(right, left);
    }

    /// <summary>Divides every element by a constant.</summary>
    /// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks.</typeparam>
    /// <remarks>y = x / c, computed as x·(1/c) (one multiply per element, so it may differ from x / c in the last bit); ∂y/∂x = 1/c.</remarks>
    /// <param name="left">x.</param>
    /// <param name="right">c.</param>
    /// <returns>A tensor of x's shape.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="left"/> is null.</exception>
    public static AutodiffTensor<T> Divide<T>(AutodiffTensor<T> left, T right)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(left);
        return AutodiffTensor<T>.MultiplyConstantNode.Forward(left, T.One / right);
    }

    /// <summary>Divides a constant by every element.</summary>
    /// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks.</typeparam>
    /// <remarks>y = c / x; ∂y/∂x = −c/x² = −y/x. Division by zero follows IEEE 754 (±∞ or NaN).</remarks>
    /// <param name="left">c.</param>
    /// <param name="right">x.</param>
    /// <returns>A tensor of x's shape.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="right"/> is null.</exception>
    public static AutodiffTensor<T> Divide<T>(T left, AutodiffTensor<T> right)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(right);
        return AutodiffTensor<T>.ConstantDivideNode.Forward(left, right);
    }

    /// <summary>Matrix product over the last two axes, batched over the leading ones.</summary>
    /// <remarks>
    /// <para>Y = A·B with A [..., m, k] and B [..., k, n]; ∂L/∂A = G·Bᵀ and ∂L/∂B = Aᵀ·G, accumulated
    /// straight into the gradients by the GEMM kernel. A 2-D right operand is shared by every batch
    /// (then the batch is folded into the rows of one large product); a 2-D left operand is shared
    /// likewise; otherwise the batch extents must be equal.</para>
    /// <para>Supported element types: <see cref="float"/> and <see cref="double"/>.</para>
    /// </remarks>
    /// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks.</typeparam>
    /// <param name="left">A, rank ≥ 2.</param>
    /// <param name="right">B, rank ≥ 2, with B's second-to-last extent equal to A's last.</param>
    /// <param name="options">Kernel and threads for this product and its backward pass; null for <see cref="MatrixProductOptions.Default"/>.</param>
    /// <returns>A tensor [..., m, n].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="left"/> or <paramref name="right"/> is null.</exception>
    /// <exception cref="ArgumentException">An operand has rank below 2, the inner extents differ, or the batch extents differ; the message shows both shapes.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The result [..., m, n] would have more than <see cref="int.MaxValue"/> elements.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    public static AutodiffTensor<T> MatMul<T>(AutodiffTensor<T> left, AutodiffTensor<T> right, MatrixProductOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
        => AutodiffTensor<T>.MatMulNode.Forward(left, right, options);

    /// <summary>The affine map of a dense layer, fused into one operation: Y = X·W + b.</summary>
    /// <remarks>
    /// X [..., in], W [in, out], b [out]; ∂L/∂X = G·Wᵀ, ∂L/∂W = Xᵀ·G, ∂L/∂b = Σ over rows of G.
    /// One node instead of a matmul and a broadcast add saves a pass and a buffer per layer.
    /// </remarks>
    /// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks.</typeparam>
    /// <param name="input">X, rank ≥ 1, last extent = in.</param>
    /// <param name="weight">W, shape [in, out].</param>
    /// <param name="bias">b, shape [out], or null for no bias.</param>
    /// <param name="options">Kernel and threads for the products of this layer, forward and backward; null for <see cref="MatrixProductOptions.Default"/>.</param>
    /// <returns>Y [..., out].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="input"/> or <paramref name="weight"/> is null.</exception>
    /// <exception cref="ArgumentException">The shapes do not fit; the message shows them.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The result [..., out] would have more than <see cref="int.MaxValue"/> elements.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    public static AutodiffTensor<T> Linear<T>(AutodiffTensor<T> input, AutodiffTensor<T> weight, AutodiffTensor<T>? bias, MatrixProductOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
        => AutodiffTensor<T>.LinearNode.Forward(input, weight, bias, options);

    /// <summary>
    /// Binary cross-entropy between Bernoulli logits and targets, summed or averaged over all elements as
    /// <paramref name="reduction"/> says, fused into one numerically stable operation: the Bernoulli negative
    /// log-likelihood of a VAE decoder (PyTorch's <c>F.binary_cross_entropy_with_logits</c>).
    /// </summary>
    /// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks.</typeparam>
    /// <remarks>
    /// ℓᵢ = max(zᵢ, 0) − zᵢxᵢ + ln(1 + e^−|zᵢ|) = −[xᵢ ln σ(zᵢ) + (1 − xᵢ) ln(1 − σ(zᵢ))]; L = c Σᵢ ℓᵢ with
    /// c = 1 for <see cref="LossReduction.Sum"/> and c = 1/n (n elements) for <see cref="LossReduction.Mean"/>;
    /// ∂L/∂zᵢ = c (σ(zᵢ) − xᵢ) and ∂L/∂xᵢ = −c zᵢ. Never overflows for large |z|; targets may be any
    /// values in [0, 1] (grey levels), not just 0 and 1. The ln(1 + e^−|z|) term is evaluated with
    /// SIMD, accurate to about one unit of the element type per element in absolute terms.
    /// </remarks>
    /// <param name="logits">z, any shape.</param>
    /// <param name="targets">x, the same shape as <paramref name="logits"/>.</param>
    /// <param name="reduction">Sum over the elements (the log-likelihood of the whole tensor, in nats) or mean (nats per element); no default, so the call says which.</param>
    /// <returns>A scalar tensor: the summed or mean loss in nats.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The shapes differ; the message shows both.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reduction"/> is not a defined <see cref="LossReduction"/>.</exception>
    public static AutodiffTensor<T> BinaryCrossEntropyWithLogits<T>(AutodiffTensor<T> logits, AutodiffTensor<T> targets, LossReduction reduction)
        where T : unmanaged, IFloatingPointIeee754<T>
        => AutodiffTensor<T>.BinaryCrossEntropyWithLogits(logits, targets, reduction);

    /// <summary>
    /// Multi-class cross-entropy between logits and integer class labels, summed or averaged over the examples as
    /// <paramref name="reduction"/> says: PyTorch's <c>F.cross_entropy(logits, labels)</c>, fused into one numerically
    /// stable operation through log-softmax.
    /// </summary>
    /// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks.</typeparam>
    /// <remarks>
    /// ℓᵢ = −log softmax(zᵢ)[yᵢ] = LSE(zᵢ) − zᵢ,yᵢ with LSE(z) = m + ln Σⱼ exp(zⱼ − m), m = maxⱼ zⱼ, so logits of any
    /// size neither overflow nor lose the loss; L = c Σᵢ ℓᵢ with c = 1 for <see cref="LossReduction.Sum"/> and c = 1/N for
    /// <see cref="LossReduction.Mean"/> (PyTorch's default); ∂L/∂zᵢⱼ = c (softmax(zᵢ)ⱼ − [j = yᵢ]).
    /// </remarks>
    /// <param name="logits">z, shape [N, C]: one row of unnormalised log-probabilities per example.</param>
    /// <param name="labels">y, N class indices, each in [0, C). They are copied.</param>
    /// <param name="reduction">Sum over the examples or mean (nats per example); no default, so the call says which.</param>
    /// <returns>A scalar tensor: the summed or mean loss in nats (the mean of N = 0 examples is NaN, their sum 0).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="logits"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="logits"/> is not a matrix, or <paramref name="labels"/> does not hold one label per row.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A label is outside [0, C), or <paramref name="reduction"/> is not a defined <see cref="LossReduction"/>.</exception>
    public static AutodiffTensor<T> CrossEntropyWithLogits<T>(AutodiffTensor<T> logits, ReadOnlySpan<int> labels, LossReduction reduction)
        where T : unmanaged, IFloatingPointIeee754<T>
        => AutodiffTensor<T>.CrossEntropyWithLogits(logits, labels, reduction);

    /// <summary>Joins tensors along an axis.</summary>
    /// <typeparam name="T">The element type: <see cref="float"/> for models, <see cref="double"/> for gradient checks.</typeparam>
    /// <remarks>The inputs are laid side by side along the axis; each receives its own block of the gradient.</remarks>
    /// <param name="axis">The axis, in [−rank, rank).</param>
    /// <param name="tensors">At least one tensor; all of the same rank with equal extents except on the axis.</param>
    /// <returns>A tensor whose extent on the axis is the sum of the inputs' extents.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tensors"/> or an element is null.</exception>
    /// <exception cref="ArgumentException">No tensors, or the shapes do not agree off the axis; the message shows both shapes.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is out of range, or the result would have an extent or an element count above <see cref="int.MaxValue"/>.</exception>
    public static AutodiffTensor<T> Concat<T>(int axis, params AutodiffTensor<T>[] tensors)
        where T : unmanaged, IFloatingPointIeee754<T>
        => AutodiffTensor<T>.ConcatNode.Forward(axis, tensors);
}
