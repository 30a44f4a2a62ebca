package org.narformer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void quotesOnlyFieldsThatNeedIt() {
        assertEquals("resnet18.onnx", Csv.field("resnet18.onnx"));
        assertEquals("\"a,b.onnx\"", Csv.field("a,b.onnx"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.field("say \"hi\""));
        assertEquals("\"two\nlines\"", Csv.field("two\nlines"));
        assertEquals("", Csv.field(""));
    }
}
