// Mantine's styles for the region's components beyond the first screen's: they come with its chunk.
import '../../components/overlay-styles';
import '../../components/data-styles';
import '@mantine/core/styles/Radio.css';
