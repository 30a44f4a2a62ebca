"""Expected shapes from ONNX's own shape inference, for OnnxShapeZooTest.

Not part of the build. Regenerate with Debian's python3-onnx (1.12.0) from the model the test writes
(OnnxShapeZooTest.zoo(), e.g. saved with OnnxModel.write):

    python3 onnx_shapes.py zoo.onnx onnx-shapes.tsv

Declared output shapes are cleared first so ONNX infers them too; '?' marks a dimension ONNX leaves unknown.
"""
import sys

import onnx
from onnx import shape_inference


def main(model_path, out):
    model = onnx.load(model_path)
    for o in model.graph.output:
        o.type.tensor_type.ClearField('shape')
    inferred = shape_inference.infer_shapes(model, strict_mode=True)
    rows = []
    for v in list(inferred.graph.value_info) + list(inferred.graph.output):
        dims = ['%d' % d.dim_value if d.HasField('dim_value') else '?' for d in v.type.tensor_type.shape.dim]
        rows.append('%s\t%s' % (v.name, 'x'.join(dims)))
    with open(out, 'w') as f:
        f.write('# tensor\tshape inferred by onnx %s (strict mode)\n' % onnx.__version__)
        f.write('\n'.join(sorted(rows)) + '\n')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
