package dev.rootlessctr.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/** Validates a file against the JUnit XML schema in the test resources (junit/junit.xsd). */
public final class JunitSchema {

  private JunitSchema() {}

  /** Throws {@link SAXException} with the line and reason when {@code file} is not valid. */
  public static void validate(Path file) throws IOException, SAXException {
    try (InputStream xsd = JunitSchema.class.getResourceAsStream("/junit/junit.xsd")) {
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      factory
          .newSchema(new StreamSource(xsd))
          .newValidator()
          .validate(new StreamSource(file.toFile()));
    }
  }
}
